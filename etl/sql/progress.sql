-- Every assessment, one row each: the history is the point.
CREATE TABLE progress AS
SELECT rec.resolved AS recommendation_id, p.date, p.assessor, p.status, p.summary, p.evidence_url,
       p.source, p.illustrative
FROM clean_progress p
JOIN ref_progress_recommendation_id rec USING (_row)
ORDER BY recommendation_id, date, assessor;

