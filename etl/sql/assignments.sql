-- Which institution leads or supports each recommendation.
CREATE TABLE assignments AS
SELECT rec.resolved AS recommendation_id, min.resolved AS ministry_id, a.role, a.source, a.illustrative
FROM clean_assignments a
JOIN ref_assignments_recommendation_id rec USING (_row)
JOIN ref_assignments_ministry_id min USING (_row)
ORDER BY recommendation_id, role, ministry_id;
