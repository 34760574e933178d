-- 0002: every content an article has had. Re-reading an older version of an article (a re-run
-- over inputs holding both versions) is then "unchanged", not an update back to the old text.

CREATE TABLE article_versions (
    article_id    TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    content_hash  TEXT NOT NULL,
    seen_at       TEXT NOT NULL,
    PRIMARY KEY (article_id, content_hash)
);
CREATE INDEX article_versions_hash ON article_versions(content_hash);

INSERT INTO article_versions (article_id, content_hash, seen_at)
SELECT id, content_hash, ingested_at FROM articles;
