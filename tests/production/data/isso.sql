-- An Isso 0.14 database (schema as isso/db/*.py creates it), written by the Majlis team for the
-- import tests. The test builds the SQLite file from this script.
CREATE TABLE threads (id INTEGER PRIMARY KEY, uri VARCHAR(256) UNIQUE, title VARCHAR(256));
CREATE TABLE comments (
    tid REFERENCES threads(id), id INTEGER PRIMARY KEY, parent INTEGER, created FLOAT NOT NULL,
    modified FLOAT, mode INTEGER, remote_addr VARCHAR, text VARCHAR NOT NULL, author VARCHAR,
    email VARCHAR, website VARCHAR, likes INTEGER DEFAULT 0, dislikes INTEGER DEFAULT 0,
    voters BLOB NOT NULL, notification INTEGER DEFAULT 0);
CREATE TABLE preferences (key VARCHAR PRIMARY KEY, value VARCHAR);
INSERT INTO threads VALUES (1, '/2025/bridge-repair/', 'چاککردنەوەی پردی شار');
INSERT INTO threads VALUES (2, '/2025/derby-result/', 'Derbide kazanan çıkmadı');
-- 1740823200 = 2025-03-01T10:00:00Z
INSERT INTO comments VALUES (1, 1, NULL, 1740823200.5, NULL, 1, '198.51.100.0', 'پردەکە کەی تەواو دەبێت؟ زۆر سوپاس بۆ ئەم هەواڵە.', 'Karwan', 'karwan@example.org', NULL, 0, 0, x'00', 0);
INSERT INTO comments VALUES (1, 2, 1, 1740826800.0, NULL, 2, '198.51.100.0', 'Min jî dixwazim bizanim kengî pira dê vebe.', 'Rojda', 'rojda@example.org', NULL, 0, 0, x'00', 0);
INSERT INTO comments VALUES (2, 3, NULL, 1740830400.0, NULL, 1, '203.0.113.0', 'Maç çok heyecanlıydı, hakem kararları tartışılır.', 'Emre', 'emre@example.org', NULL, 2, 0, x'00', 0);
INSERT INTO comments VALUES (2, 4, NULL, 1740834000.0, 1740835000.0, 4, '203.0.113.0', 'Silindi.', 'Deleted', '', NULL, 0, 0, x'00', 0);
