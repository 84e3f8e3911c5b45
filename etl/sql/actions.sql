-- The government's plan: what a ministry will do for which supported recommendations, and by when.
-- One row per action and recommendation it answers (an action answering two counts once for each).
CREATE TABLE action_recommendations AS
SELECT a.id AS action_id, ref.resolved AS recommendation_id, min(ref.pos) AS pos
FROM ref_actions_recommendation_ids ref
JOIN clean_actions a USING (_row)
GROUP BY ALL
ORDER BY action_id, pos;

CREATE TABLE actions AS
WITH answers AS (
    SELECT action_id, list(recommendation_id ORDER BY pos) AS recommendation_ids
    FROM action_recommendations GROUP BY action_id
)
SELECT a.id, answers.recommendation_ids, ministry.resolved AS ministry_id, a.description, a.start_date,
       a.due_date, a.source, a.illustrative
FROM clean_actions a
JOIN ref_actions_ministry_id ministry USING (_row)
LEFT JOIN answers ON answers.action_id = a.id
ORDER BY a.id;
