-- How each action is measured: a baseline, a target by a date, in one unit (the target's unit was
-- checked equal to the baseline's, so it is not repeated here).
CREATE TABLE indicators AS
SELECT i.id, action.resolved AS action_id, i.description, i.unit, CAST(i.baseline AS DOUBLE) AS baseline,
       i.baseline_date, CAST(i.target AS DOUBLE) AS target, i.target_date, i.source, i.illustrative
FROM clean_indicators i
JOIN ref_indicators_action_id action USING (_row)
ORDER BY i.id;
