-- Published totals per review, and how the loaded rows compare with them.
CREATE TABLE official_totals AS
SELECT sur.resolved AS state_under_review, o.cycle, o.received, o.supported, o.noted, o.rejected,
       o.recommending_states, o.source, o.source_url, o.note
FROM clean_official_totals o
JOIN ref_official_totals_state_under_review sur USING (_row)
ORDER BY state_under_review, cycle;

CREATE TABLE reconciliation AS
WITH loaded AS (
    SELECT r.state_under_review, r.cycle,
           count(*) AS received,
           count(*) FILTER (WHERE r.response = 'supported') AS supported,
           count(*) FILTER (WHERE r.response = 'noted') AS noted,
           -- the noted whose source word is "Rejected" (kept in response_label), for official totals that count them
           count(*) FILTER (WHERE r.response = 'noted' AND lower(trim(r.response_label)) = 'rejected') AS rejected,
           -- no answer counted: awaiting the government's answer, or a position an importer could not read
           count(*) FILTER (WHERE r.response = 'pending') AS pending,
           count(*) FILTER (WHERE r.response = 'unclassified') AS unclassified,
           bool_or(r.illustrative) AS illustrative
    FROM recommendations r GROUP BY ALL
),
loaded_states AS (
    SELECT r.state_under_review, r.cycle, count(DISTINCT s.state) AS recommending_states
    FROM recommendations r JOIN recommendation_states s ON s.recommendation_id = r.id
    GROUP BY ALL
)
SELECT
    coalesce(l.state_under_review, o.state_under_review) AS state_under_review,
    coalesce(l.cycle, o.cycle) AS cycle,
    l.received, l.supported, l.noted, ls.recommending_states, coalesce(l.illustrative, false) AS illustrative,
    l.rejected, l.pending, l.unclassified,
    o.received AS official_received, o.supported AS official_supported, o.noted AS official_noted,
    o.rejected AS official_rejected,
    o.recommending_states AS official_recommending_states, o.source AS official_source,
    o.source_url AS official_source_url, o.note AS official_note,
    (o.received IS NOT NULL
     AND l.received IS NOT DISTINCT FROM o.received
     AND l.supported IS NOT DISTINCT FROM o.supported
     AND l.noted IS NOT DISTINCT FROM o.noted
     AND (o.rejected IS NULL OR l.rejected = o.rejected)
     AND (o.recommending_states IS NULL OR ls.recommending_states = o.recommending_states)) AS reconciles
FROM loaded l
LEFT JOIN loaded_states ls USING (state_under_review, cycle)
FULL JOIN official_totals o ON o.state_under_review = l.state_under_review AND o.cycle = l.cycle
ORDER BY state_under_review, cycle;
