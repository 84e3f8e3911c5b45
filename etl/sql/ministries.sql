-- The institutions that implement; the Khmer name falls back to the English one in the app.
CREATE TABLE ministries AS
SELECT id, name, name_km
FROM clean_ministries
ORDER BY id;
