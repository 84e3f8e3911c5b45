-- The states that review and are reviewed, with their UN regional group.
CREATE TABLE states AS
SELECT name, iso3, regional_group
FROM clean_states
ORDER BY name;
