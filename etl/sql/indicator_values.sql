-- What each indicator measured over time, and who reported it (in the indicator's unit: checked).
CREATE TABLE indicator_values AS
SELECT indicator.resolved AS indicator_id, v.date, CAST(v.value AS DOUBLE) AS value, v.unit, v.reported_by,
       v.evidence_url, v.source, v.illustrative
FROM clean_indicator_values v
JOIN ref_indicator_values_indicator_id indicator USING (_row)
ORDER BY indicator_id, date, reported_by;
