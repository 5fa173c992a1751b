-- The free count of an offer is its report minus active holds, corrected by the placements that started or ended
-- since the report (Availability). Looking those placements up is most of a search's work at 50,000 offers (one
-- index probe per fitting offer, 10 of 23 ms network-wide), although after a report almost no offer has any.
-- placements_moved_at is the latest moment a placement of the offer started or ended (NULL: never); the search
-- looks at the placements only where that moment lies after the report. The registry keeps it with every
-- placement it starts or ends; this fills it for the placements already stored.
ALTER TABLE offer ADD COLUMN placements_moved_at TIMESTAMP WITH TIME ZONE;

UPDATE offer SET placements_moved_at = (
  SELECT MAX(CASE WHEN pl.ended_at > pl.started_at THEN pl.ended_at ELSE pl.started_at END)
  FROM placement pl WHERE pl.offer_id = offer.id)
WHERE EXISTS (SELECT 1 FROM placement pl WHERE pl.offer_id = offer.id);
