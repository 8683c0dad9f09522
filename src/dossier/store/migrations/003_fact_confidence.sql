-- Every fact carries the extraction's confidence (0-1), as relations already did, so that
-- queries can hide facts under the default threshold. NULL: stored by an older extractor.
ALTER TABLE quotes ADD COLUMN confidence REAL;
ALTER TABLE roles ADD COLUMN confidence REAL;
ALTER TABLE events ADD COLUMN confidence REAL;
ALTER TABLE claims ADD COLUMN confidence REAL;
