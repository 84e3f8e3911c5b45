-- The theme vocabulary (UPR Info issue labels, plus any others a source brings).
CREATE TABLE themes AS
SELECT name, "group" AS theme_group
FROM clean_themes
ORDER BY name;
