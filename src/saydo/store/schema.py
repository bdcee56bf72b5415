"""The store's schema as an ordered list of migrations; ``schema_version`` in ``meta`` says how many have run."""

from __future__ import annotations

MIGRATIONS: list[tuple[str, str]] = [
    (
        "initial tables: files, articles, statements, observations, rejects, checks",
        """
        CREATE TABLE IF NOT EXISTS files (
            sha256 VARCHAR PRIMARY KEY,
            path VARCHAR NOT NULL,
            kind VARCHAR NOT NULL,
            source VARCHAR,
            loaded_at TIMESTAMPTZ NOT NULL,
            rows_loaded BIGINT,
            rows_rejected BIGINT,
            rows_duplicate BIGINT
        );
        CREATE TABLE IF NOT EXISTS articles (
            id VARCHAR PRIMARY KEY,
            name VARCHAR NOT NULL,
            path VARCHAR NOT NULL,
            published DATE,
            source_url VARCHAR,
            title VARCHAR,
            format VARCHAR NOT NULL,
            text VARCHAR NOT NULL,
            loaded_at TIMESTAMPTZ NOT NULL
        );
        CREATE TABLE IF NOT EXISTS statements (
            id VARCHAR PRIMARY KEY,
            article_id VARCHAR NOT NULL,
            article VARCHAR NOT NULL,
            published DATE,
            speaker VARCHAR NOT NULL,
            actor VARCHAR,
            kind VARCHAR NOT NULL,
            quote VARCHAR NOT NULL,
            text VARCHAR NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            places VARCHAR[] NOT NULL,
            window_start TIMESTAMPTZ,
            window_end TIMESTAMPTZ,
            qualifies VARCHAR
        );
        CREATE TABLE IF NOT EXISTS observations (
            id VARCHAR PRIMARY KEY,
            source VARCHAR NOT NULL,
            region VARCHAR NOT NULL,
            event_type VARCHAR NOT NULL,
            started_at TIMESTAMPTZ NOT NULL,
            finished_at TIMESTAMPTZ,
            level VARCHAR,
            subregion VARCHAR,
            actor VARCHAR,
            file VARCHAR NOT NULL,
            file_sha256 VARCHAR NOT NULL,
            line BIGINT,
            row_id VARCHAR,
            lat DOUBLE,
            lon DOUBLE,
            geo_method VARCHAR,
            fatalities INTEGER,
            description VARCHAR,
            article_id VARCHAR,
            span_start INTEGER,
            span_end INTEGER
        );
        CREATE TABLE IF NOT EXISTS rejects (
            id VARCHAR PRIMARY KEY,
            source VARCHAR NOT NULL,
            file VARCHAR NOT NULL,
            file_sha256 VARCHAR,
            line BIGINT,
            reason VARCHAR NOT NULL,
            raw VARCHAR
        );
        CREATE TABLE IF NOT EXISTS checks (
            id VARCHAR PRIMARY KEY,
            statement_id VARCHAR NOT NULL,
            source VARCHAR NOT NULL,
            run_at TIMESTAMPTZ NOT NULL,
            as_of TIMESTAMPTZ,
            verdict VARCHAR NOT NULL,
            explanation VARCHAR NOT NULL,
            window_days INTEGER NOT NULL,
            start_at TIMESTAMPTZ NOT NULL,
            result JSON NOT NULL
        );
        """,
    ),
    (
        "checks carry a version per (statement, source), their template and fingerprint, and the verdict before",
        """
        ALTER TABLE checks ADD COLUMN IF NOT EXISTS version INTEGER;
        ALTER TABLE checks ADD COLUMN IF NOT EXISTS template VARCHAR;
        ALTER TABLE checks ADD COLUMN IF NOT EXISTS fingerprint VARCHAR;
        ALTER TABLE checks ADD COLUMN IF NOT EXISTS previous_verdict VARCHAR;
        UPDATE checks SET template = coalesce(result->>'template', 'reduce'), fingerprint = result->>'fingerprint';
        UPDATE checks SET version = v.n, previous_verdict = v.before FROM (
            SELECT id, row_number() OVER w AS n, lag(verdict) OVER w AS before FROM checks
            WINDOW w AS (PARTITION BY statement_id, source ORDER BY run_at, id)) v
        WHERE checks.id = v.id;
        """,
    ),
    (
        "territory: a daily area series per source (km², a national total), apart from the per-region observations",
        """
        CREATE TABLE IF NOT EXISTS territory (
            source VARCHAR NOT NULL,
            day DATE NOT NULL,
            area_km2 DOUBLE NOT NULL,
            file VARCHAR NOT NULL,
            file_sha256 VARCHAR NOT NULL,
            line BIGINT,
            PRIMARY KEY (source, day)
        );
        """,
    ),
    (
        "observations without a primary-key index: the loaders keep ids unique themselves (an anti-join per batch)",
        # The ART index behind the VARCHAR primary key cost most of a load: 54k alert rows took 0.6 s to insert with it
        # and 0.1 s without, and into a store of 5M rows 4.3 s against 0.3 s. Every insert goes through
        # saydo.store.observations, which skips ids already stored and repeats inside a batch, so the rows and their
        # ids are unchanged; DuckDB can't drop a constraint, so the table is copied.
        """
        CREATE TABLE observations_v3 (
            id VARCHAR NOT NULL,
            source VARCHAR NOT NULL,
            region VARCHAR NOT NULL,
            event_type VARCHAR NOT NULL,
            started_at TIMESTAMPTZ NOT NULL,
            finished_at TIMESTAMPTZ,
            level VARCHAR,
            subregion VARCHAR,
            actor VARCHAR,
            file VARCHAR NOT NULL,
            file_sha256 VARCHAR NOT NULL,
            line BIGINT,
            row_id VARCHAR,
            lat DOUBLE,
            lon DOUBLE,
            geo_method VARCHAR,
            fatalities INTEGER,
            description VARCHAR,
            article_id VARCHAR,
            span_start INTEGER,
            span_end INTEGER
        );
        INSERT INTO observations_v3 SELECT * FROM observations;
        DROP TABLE observations;
        ALTER TABLE observations_v3 RENAME TO observations;
        """,
    ),
    (
        "statements keep the names of the extraction rules that made them (why a sentence is a pledge, whose it is)",
        "ALTER TABLE statements ADD COLUMN IF NOT EXISTS rules VARCHAR[];",
    ),
    (
        "editors' corrections of statements and notes on verdicts: an audited overlay, the machine's rows untouched",
        """
        CREATE TABLE IF NOT EXISTS corrections (
            id VARCHAR PRIMARY KEY,
            statement_id VARCHAR NOT NULL,
            article_id VARCHAR NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            field VARCHAR NOT NULL,
            value JSON,
            machine JSON,
            editor VARCHAR NOT NULL,
            made_at TIMESTAMPTZ NOT NULL,
            why VARCHAR
        );
        CREATE TABLE IF NOT EXISTS notes (
            id VARCHAR PRIMARY KEY,
            check_id VARCHAR,
            statement_id VARCHAR NOT NULL,
            text VARCHAR NOT NULL,
            editor VARCHAR NOT NULL,
            made_at TIMESTAMPTZ NOT NULL
        );
        """,
    ),
    (
        "statements as editors left them: the machine's rows with the newest correction of each field laid over them",
        # One definition of the overlay for every reader (the library, the pages, the exports). A correction finds its
        # statement by id, or by article and span when re-extraction changed the id; a "restore" drops the earlier
        # ones. statement_edits lists the corrections in force; statements_current has one row per machine statement,
        # `hidden` when it is marked not a statement or merged into another.
        """
        CREATE OR REPLACE VIEW statement_edits AS
        WITH matched AS (
            SELECT s.id AS statement_id, c.id AS correction_id, c.field, c.value, c.machine, c.editor, c.made_at,
                   c.why
            FROM statements s JOIN corrections c ON c.statement_id = s.id
            UNION
            SELECT s.id, c.id, c.field, c.value, c.machine, c.editor, c.made_at, c.why
            FROM statements s JOIN corrections c
              ON c.article_id = s.article_id AND c.start_char = s.start_char AND c.end_char = s.end_char
        ), restored AS (
            SELECT statement_id, max(made_at) AS since FROM matched WHERE field = 'restore' GROUP BY statement_id
        )
        SELECT m.* FROM matched m LEFT JOIN restored r USING (statement_id)
        WHERE (r.since IS NULL OR m.made_at > r.since) AND m.field <> 'restore';

        CREATE OR REPLACE VIEW statements_current AS
        WITH latest AS (
            SELECT statement_id, field, arg_max(value, (made_at, correction_id)) AS value
            FROM statement_edits GROUP BY statement_id, field
        ), wide AS (
            SELECT statement_id,
                   bool_or(field = 'speaker') AS has_speaker,
                   any_value(value) FILTER (WHERE field = 'speaker') AS speaker,
                   bool_or(field = 'actor') AS has_actor, any_value(value) FILTER (WHERE field = 'actor') AS actor,
                   bool_or(field = 'kind') AS has_kind, any_value(value) FILTER (WHERE field = 'kind') AS kind,
                   bool_or(field = 'places') AS has_places,
                   any_value(value) FILTER (WHERE field = 'places') AS places,
                   bool_or(field = 'window') AS has_window, any_value(value) FILTER (WHERE field = 'window') AS win,
                   coalesce(bool_or(field = 'not_a_statement' AND value::VARCHAR = 'true'), false) AS not_statement,
                   any_value(json_extract_string(value, '$')) FILTER (WHERE field = 'merged_into') AS merged_into
            FROM latest GROUP BY statement_id
        )
        SELECT s.id, s.article_id, s.article, s.published,
               CASE WHEN w.has_speaker THEN json_extract_string(w.speaker, '$') ELSE s.speaker END AS speaker,
               CASE WHEN w.has_actor THEN json_extract_string(w.actor, '$') ELSE s.actor END AS actor,
               CASE WHEN w.has_kind THEN json_extract_string(w.kind, '$') ELSE s.kind END AS kind,
               s.quote, s.text, s.start_char, s.end_char,
               CASE WHEN w.has_places THEN coalesce(from_json(w.places, '["VARCHAR"]'), []) ELSE s.places END
                   AS places,
               CASE WHEN w.has_window THEN CAST(json_extract_string(w.win, '$[0]') AS TIMESTAMPTZ)
                    ELSE s.window_start END AS window_start,
               CASE WHEN w.has_window THEN CAST(json_extract_string(w.win, '$[1]') AS TIMESTAMPTZ)
                    ELSE s.window_end END AS window_end,
               s.qualifies, s.rules,
               w.statement_id IS NOT NULL AS edited,
               coalesce(w.not_statement, false) OR w.merged_into IS NOT NULL AS hidden,
               w.merged_into
        FROM statements s LEFT JOIN wide w ON w.statement_id = s.id;

        CREATE OR REPLACE VIEW statements_shown AS SELECT * FROM statements_current WHERE NOT hidden;
        """,
    ),
    (
        "checks carry a scenario: NULL for the published result (all data, default windows), a name for an "
        "exploratory run (--as-of, --window-days), which never replaces the published one",
        """
        ALTER TABLE checks ADD COLUMN IF NOT EXISTS scenario VARCHAR;
        UPDATE checks SET scenario = concat_ws(', ',
            CASE WHEN as_of IS NOT NULL THEN 'as of ' || strftime(as_of, '%Y-%m-%d') END,
            CASE WHEN window_days <> 14 THEN 'windows of ' || window_days || ' days' END)
        WHERE as_of IS NOT NULL OR window_days <> 14;
        """,
    ),
    (
        "why a pledge was not tested, as the last published check run said (a page tells it instead of guessing)",
        """
        CREATE TABLE IF NOT EXISTS untested (
            statement_id VARCHAR PRIMARY KEY,
            reason VARCHAR NOT NULL,
            run_at TIMESTAMPTZ NOT NULL
        );
        """,
    ),
    (
        "one verdict per pledge (the most direct source that decided) and per proposition (the same pledge reported "
        "by several articles), from the published checks",
        """
        CREATE TABLE IF NOT EXISTS pledge_verdicts (
            statement_id VARCHAR PRIMARY KEY,
            verdict VARCHAR NOT NULL,
            decided_by VARCHAR NOT NULL,
            template VARCHAR,
            sources JSON NOT NULL,
            disagreements JSON NOT NULL,
            proposition VARCHAR NOT NULL,
            proposition_verdict VARCHAR NOT NULL,
            proposition_members JSON NOT NULL,
            updated_at TIMESTAMPTZ NOT NULL
        );
        """,
    ),
    (
        "articles say when their statements were stored: an article with none yet belongs to an unfinished batch",
        # Storing the statements, the news events and this mark is one transaction per article
        # (saydo.store.articles.save_statements); articles stored before this migration count as extracted.
        """
        ALTER TABLE articles ADD COLUMN IF NOT EXISTS extracted_at TIMESTAMPTZ;
        UPDATE articles SET extracted_at = loaded_at;
        """,
    ),
    (
        "implausible rows an older saydo stored move to rejects; stored reasons and raw text are cut to a length",
        # Rows dated before 1990 or more than a year ahead were let in (a row in year 20000 made `saydo check` and
        # `observations summary` fail for good, and no command removed it); the loaders now refuse them. Reasons that
        # quoted a whole bad value (50 MB once) are cut, so `saydo rejects` answers.
        """
        CREATE TEMP TABLE _implausible AS
        SELECT * FROM observations
        WHERE started_at < TIMESTAMPTZ '1990-01-01' OR started_at >= now() + INTERVAL 367 DAY
           OR finished_at < TIMESTAMPTZ '1990-01-01' OR finished_at >= now() + INTERVAL 368 DAY;
        INSERT OR IGNORE INTO rejects
        SELECT md5(concat_ws('|', source, file, file_sha256, CAST(line AS VARCHAR), 'implausible ' || id)), source,
               file, file_sha256, line,
               'moved out of the observations (stored by an older saydo): the start '
               || CAST(CAST(started_at AS DATE) AS VARCHAR) || ' or the end is outside the dates saydo accepts '
               || '(1990-01-01 to a year from today)', NULL
        FROM _implausible;
        DELETE FROM observations WHERE id IN (SELECT id FROM _implausible);
        UPDATE files SET rows_loaded = rows_loaded - m.n, rows_rejected = rows_rejected + m.n
        FROM (SELECT file_sha256, count(*) AS n FROM _implausible GROUP BY ALL) m WHERE files.sha256 = m.file_sha256;
        DROP TABLE _implausible;
        UPDATE rejects SET reason = left(reason, 1000) || '... (cut)' WHERE length(reason) > 1000;
        UPDATE rejects SET raw = left(raw, 500) WHERE length(raw) > 500;
        """,
    ),
    (
        "revisions: an observation's id leaves out its end; replaced rows are kept in observation_history",
        # A re-exported alert log in which one end time was corrected stored the corrected row beside the old one
        # (saydo.store.observations.insert_revising). The id below is key_sql() of that module, written out: a test
        # checks they agree. Two stored rows that now share an id: the one loaded last stands, the other is history.
        """
        CREATE TABLE IF NOT EXISTS observation_history AS
        SELECT *, CAST(NULL AS TIMESTAMPTZ) AS replaced_at, CAST(NULL AS VARCHAR) AS replaced_by
        FROM observations WHERE false;
        ALTER TABLE files ADD COLUMN IF NOT EXISTS rows_revised BIGINT;
        UPDATE observations SET id = md5(concat_ws('|', source, coalesce(row_id, concat_ws('|', region, event_type,
            (CAST(make_timestamp(epoch_us(started_at)) AS VARCHAR) || '+00'), coalesce(subregion, ''),
            coalesce(level, ''), coalesce(article_id, ''), coalesce(CAST(span_start AS VARCHAR), '')))));
        CREATE TEMP TABLE _older AS
        SELECT o.rowid AS rid FROM observations o LEFT JOIN files f ON f.sha256 = o.file_sha256
        QUALIFY row_number() OVER (PARTITION BY o.id ORDER BY f.loaded_at DESC NULLS LAST, o.line) > 1;
        INSERT INTO observation_history SELECT *, now(), NULL FROM observations
        WHERE rowid IN (SELECT rid FROM _older);
        DELETE FROM observations WHERE rowid IN (SELECT rid FROM _older);
        DROP TABLE _older;
        """,
    ),
]

SCHEMA_VERSION = len(MIGRATIONS)
