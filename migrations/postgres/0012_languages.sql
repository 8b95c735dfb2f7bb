-- The language a person chose with the selector (en, de, fr), carried to their other devices
-- at sign-in; NULL until they choose. And an organisation's default language, for people
-- whose browser asks for none Postern speaks; NULL means English.
ALTER TABLE users ADD COLUMN locale TEXT;
ALTER TABLE organisations ADD COLUMN default_locale TEXT;
