-- Recurring recommendations: the links readers see (the linker's suggestions, less what a monitor
-- rejected, plus what a monitor confirmed), and the chains they form across cycles.
CREATE TABLE recurrence_links AS
WITH suggested AS (
    SELECT e.resolved AS earlier_id, l.resolved AS later_id, s.score,
           list_filter(list_transform(string_split(coalesce(s.reasons, ''), '|'), lambda x: trim(x)), lambda x: x <> '') AS reasons,
           coalesce(s.instruments, []::VARCHAR[]) AS instruments, s.source
    FROM clean_recurrence_links s
    JOIN ref_recurrence_links_earlier_id e USING (_row)
    JOIN ref_recurrence_links_later_id l USING (_row)
),
decided AS (
    SELECT e.resolved AS earlier_id, l.resolved AS later_id, d.decision, d.note, d.source
    FROM clean_recurrences d
    JOIN ref_recurrences_earlier_id e USING (_row)
    JOIN ref_recurrences_later_id l USING (_row)
),
kept AS (
    SELECT coalesce(s.earlier_id, d.earlier_id) AS earlier_id,
           coalesce(s.later_id, d.later_id) AS later_id,
           CASE WHEN d.decision = 'confirmed' THEN 'confirmed' ELSE 'machine' END AS origin,
           s.score,
           coalesce(s.reasons, []::VARCHAR[]) AS reasons,
           coalesce(s.instruments, []::VARCHAR[]) AS instruments,
           s.source AS suggested_by,
           d.source AS decided_by,
           d.note
    FROM suggested s
    FULL JOIN decided d ON d.earlier_id = s.earlier_id AND d.later_id = s.later_id
    WHERE d.decision IS DISTINCT FROM 'rejected'
)
SELECT k.earlier_id, k.later_id, e.state_under_review, e.cycle AS earlier_cycle, l.cycle AS later_cycle,
       k.origin, k.score, k.reasons, k.instruments, k.suggested_by, k.decided_by, k.note,
       (e.illustrative OR l.illustrative) AS illustrative
FROM kept k
JOIN recommendations e ON e.id = k.earlier_id
JOIN recommendations l ON l.id = k.later_id
ORDER BY e.state_under_review, k.later_id, k.earlier_id;


-- Chains: the connected components of the links (a recommendation linked to an earlier one that is
-- linked to an earlier one again are one chain), each counted once. Every linked recommendation gets
-- a number; the least number reachable spreads one link per round until no node changes (USING KEY
-- keeps one row per node; every label is the number of a node of the same chain and only decreases,
-- so the rounds end with one label per chain). Numbers, not ids, and edges built once: three times
-- faster at global scale than the same on ids.
CREATE TABLE recurrence_chain_members AS
WITH RECURSIVE nodes AS MATERIALIZED (
    SELECT id, row_number() OVER (ORDER BY id) AS n
    FROM (SELECT earlier_id AS id FROM recurrence_links UNION SELECT later_id FROM recurrence_links)
),
edges AS MATERIALIZED (
    SELECT e.n AS a, l.n AS b
    FROM recurrence_links k JOIN nodes e ON e.id = k.earlier_id JOIN nodes l ON l.id = k.later_id
),
both_ways AS MATERIALIZED (
    SELECT a, b FROM edges UNION ALL SELECT b, a FROM edges
),
component(node, label) USING KEY (node) AS (
    SELECT n, n FROM nodes
    UNION
    SELECT x.node, min(x.label)
    FROM (
        -- a node that changed offers its label to its neighbours...
        SELECT e.b AS node, c.label FROM component c JOIN both_ways e ON e.a = c.node
        UNION ALL
        -- ...and takes its label's own label (a shortcut along the chain: 40 % less work at global scale)
        SELECT c.node, j.label FROM component c JOIN recurring.component j ON j.node = c.label
    ) x
    JOIN recurring.component r ON r.node = x.node
    GROUP BY x.node
    HAVING min(x.label) < min(r.label)
),
members AS (
    SELECT c.label, r.id AS recommendation_id, r.state_under_review, r.cycle, r.response, r.illustrative
    FROM component c JOIN nodes n ON n.n = c.node JOIN recommendations r ON r.id = n.id
)
-- A chain is named after its earliest recommendation (lowest cycle, then lowest id).
SELECT arg_min(recommendation_id, (cycle, recommendation_id)) OVER (PARTITION BY label) AS chain_id,
       recommendation_id, state_under_review, cycle, response, illustrative
FROM members
ORDER BY chain_id, cycle, recommendation_id;


CREATE TABLE recurrence_chains AS
WITH links AS (
    SELECT m.chain_id, count(*) AS links, count(*) FILTER (WHERE l.origin = 'confirmed') AS confirmed_links
    FROM recurrence_links l JOIN recurrence_chain_members m ON m.recommendation_id = l.later_id
    GROUP BY m.chain_id
)
SELECT m.chain_id,
       any_value(m.state_under_review) AS state_under_review,
       count(*) AS recommendations,
       count(DISTINCT m.cycle) AS cycles,
       min(m.cycle) AS first_cycle,
       max(m.cycle) AS last_cycle,
       count(*) FILTER (WHERE m.response = 'supported') AS supported,
       count(DISTINCT m.cycle) FILTER (WHERE m.response = 'supported') AS cycles_supported,
       l.links, l.confirmed_links,
       bool_or(m.illustrative) AS illustrative
FROM recurrence_chain_members m JOIN links l USING (chain_id)
GROUP BY m.chain_id, l.links, l.confirmed_links
ORDER BY state_under_review, chain_id;
