-- Keycloak keeps its own database on the same PostgreSQL.
CREATE DATABASE keycloak OWNER postern;
