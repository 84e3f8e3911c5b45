-- Views created in the published file itself, for the app and for tools outside it.

-- The latest assessment per recommendation and assessor: what "status" means on every page.
CREATE VIEW latest_assessments AS
SELECT *
FROM progress
QUALIFY row_number() OVER (PARTITION BY recommendation_id, assessor ORDER BY date DESC, status) = 1;
