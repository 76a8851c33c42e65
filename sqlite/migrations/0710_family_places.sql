-- postmortem_family_places lists, for each postmortem, every kind of its
-- families with every one of its services and its incident date: a
-- postmortem page finds the newest incidents of its families in its own
-- services from one range of this index, instead of walking a service's
-- postmortems and checking their kinds one by one. The store keeps it with
-- the kinds (putKinds), which are written after the services and the date.
CREATE TABLE postmortem_family_places (
	kind          TEXT    NOT NULL,
	service       TEXT    NOT NULL,
	incident_date TEXT    NOT NULL,
	pk            INTEGER NOT NULL REFERENCES postmortems (pk) ON DELETE CASCADE,
	PRIMARY KEY (kind, service, incident_date, pk)
) WITHOUT ROWID;
CREATE INDEX postmortem_family_places_pk ON postmortem_family_places (pk);

INSERT INTO postmortem_family_places (kind, service, incident_date, pk)
	SELECT k.kind, s.service, p.incident_date, p.pk
	FROM postmortem_kinds k
	JOIN postmortem_services s ON s.pk = k.pk
	JOIN postmortems p ON p.pk = k.pk
	WHERE k.family;
