-- One row per recommendation, with its recommending states and themes as lists in the spelling of
-- states.csv and themes.csv; the bridge tables below hold the same facts one value per row.
CREATE TABLE recommendation_states AS
WITH resolved AS (
    SELECT r.id AS recommendation_id, ref.resolved AS state, min(ref.pos) AS pos
    FROM ref_recommendations_recommending_states ref
    JOIN clean_recommendations r USING (_row)
    GROUP BY ALL
)
SELECT recommendation_id, state, pos FROM resolved ORDER BY recommendation_id, pos;

CREATE TABLE recommendation_themes AS
WITH resolved AS (
    SELECT r.id AS recommendation_id, ref.resolved AS theme, min(ref.pos) AS pos
    FROM ref_recommendations_themes ref
    JOIN clean_recommendations r USING (_row)
    GROUP BY ALL
)
SELECT recommendation_id, theme, pos FROM resolved ORDER BY recommendation_id, pos;

CREATE TABLE recommendations AS
WITH states_of AS (
    SELECT recommendation_id, list(state ORDER BY pos) AS recommending_states
    FROM recommendation_states GROUP BY recommendation_id
),
themes_of AS (
    SELECT recommendation_id, list(theme ORDER BY pos) AS themes
    FROM recommendation_themes GROUP BY recommendation_id
),
sur AS (
    SELECT _row, resolved AS state_under_review FROM ref_recommendations_state_under_review
)
SELECT
    r.id,
    sur.state_under_review,
    r.cycle,
    r.session,
    r.year,
    r.document,
    r.paragraph,
    s.recommending_states,
    r.response,
    coalesce(r.response_label, CASE r.response WHEN 'supported' THEN 'Supported' WHEN 'noted' THEN 'Noted'
                                                WHEN 'pending' THEN 'Pending' END) AS response_label,
    r.wg_position,
    r.action_category,
    coalesce(t.themes, []::VARCHAR[]) AS themes,
    coalesce(r.sdgs, []::VARCHAR[]) AS sdgs,
    coalesce(r.affected_persons, []::VARCHAR[]) AS affected_persons,
    r.text,
    r.source,
    r.illustrative
FROM clean_recommendations r
JOIN sur USING (_row)
LEFT JOIN states_of s ON s.recommendation_id = r.id
LEFT JOIN themes_of t ON t.recommendation_id = r.id
ORDER BY r.state_under_review__raw, r.cycle, r._row;
