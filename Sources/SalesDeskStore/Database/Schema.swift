import GRDB

/// The database schema, as a list of migrations. A migration is never edited once shipped:
/// change the schema by appending a new one.
enum Schema {
    /// The migrator every ``AppDatabase`` runs on open.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: people, records, pipeline, tickets, follow-ups", migrate: createV1)
        migrator.registerMigration("v1: search index", migrate: createSearchIndex)
        migrator.registerMigration("v1: pipeline totals", migrate: createPipelineTotals)
        migrator.registerMigration("v2: sort indexes for large queues", migrate: createSortIndexes)
        migrator.registerMigration("v3: staleness index for team queues", migrate: createStalenessIndex)
        migrator.registerMigration(SchedulerSchema.migrationName, migrate: SchedulerSchema.create)
        migrator.registerMigration("v5: lead capture (import runs, score breakdown, contact match key)", migrate: ImportSchema.create)
        migrator.registerMigration("v5: audit hash chain", migrate: createAuditChain)
        migrator.registerMigration("v5: desk settings", migrate: createDeskSettings)
        migrator.registerMigration(DeskFixesSchema.migrationName, migrate: DeskFixesSchema.create)
        migrator.registerMigration(HistorySchema.migrationName, migrate: HistorySchema.create)
        migrator.registerMigration(ForecastSchema.migrationName, migrate: ForecastSchema.create)
        migrator.registerMigration(SnapshotSchema.migrationName, migrate: SnapshotSchema.create)
        migrator.registerMigration(TrustSchema.migrationName, migrate: TrustSchema.create)
        migrator.registerMigration(ImportMeaningSchema.migrationName, migrate: ImportMeaningSchema.create)
        migrator.registerMigration(AutomationSchema.migrationName, migrate: AutomationSchema.create)
        migrator.registerMigration(DigestSchema.migrationName, migrate: DigestSchema.create)
        migrator.registerMigration(DeskSpeedSchema.migrationName, migrate: DeskSpeedSchema.create)
        migrator.registerMigration(ReportSummarySchema.migrationName, migrate: ReportSummarySchema.create)
        migrator.registerMigration(CompletionEventSchema.migrationName, migrate: CompletionEventSchema.create)
        migrator.registerMigration(StageStaySchema.migrationName, migrate: StageStaySchema.create)
        migrator.registerMigration(ActivityReportSchema.migrationName, migrate: ActivityReportSchema.create)
        migrator.registerMigration(SnapshotSummarySchema.migrationName, migrate: SnapshotSummarySchema.create)
        migrator.registerMigration(TicketFiguresSchema.migrationName, migrate: TicketFiguresSchema.create)
        migrator.registerMigration(StageSpeedIndexSchema.migrationName, migrate: StageSpeedIndexSchema.create)
        return migrator
    }

    /// The newest migration this binary knows; a database with others is newer than the binary.
    static var knownMigrations: [String] { migrator.migrations }

    private static func createV1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE team (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                manager_id INTEGER,
                time_zone TEXT NOT NULL DEFAULT 'UTC'
            );
            CREATE TABLE user (
                id INTEGER PRIMARY KEY,
                handle TEXT NOT NULL UNIQUE COLLATE NOCASE,
                name TEXT NOT NULL,
                email TEXT NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('rep', 'support', 'manager', 'admin')),
                team_id INTEGER REFERENCES team(id),
                manager_id INTEGER REFERENCES user(id),
                time_zone TEXT NOT NULL DEFAULT 'UTC',
                is_active INTEGER NOT NULL DEFAULT 1
            );
            CREATE INDEX user_team ON user(team_id);
            CREATE TABLE account (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                domain TEXT,
                industry TEXT,
                status TEXT NOT NULL DEFAULT 'prospect' CHECK (status IN ('prospect', 'customer')),
                owner_id INTEGER REFERENCES user(id),
                health INTEGER,
                created_at INTEGER NOT NULL
            );
            CREATE INDEX account_name ON account(name COLLATE NOCASE);
            CREATE TABLE contact (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                email TEXT,
                email_key TEXT,
                phone TEXT,
                title TEXT,
                account_id INTEGER REFERENCES account(id),
                created_at INTEGER NOT NULL
            );
            CREATE INDEX contact_email_key ON contact(email_key) WHERE email_key IS NOT NULL;
            CREATE INDEX contact_phone ON contact(phone) WHERE phone IS NOT NULL;
            CREATE INDEX contact_account ON contact(account_id);
            CREATE TABLE lead (
                id INTEGER PRIMARY KEY,
                contact_id INTEGER NOT NULL REFERENCES contact(id),
                account_id INTEGER REFERENCES account(id),
                title TEXT NOT NULL,
                source TEXT NOT NULL,
                partner TEXT,
                owner_id INTEGER NOT NULL REFERENCES user(id),
                stage TEXT NOT NULL,
                value_minor INTEGER NOT NULL DEFAULT 0,
                currency TEXT NOT NULL,
                expected_close_date INTEGER,
                score INTEGER NOT NULL DEFAULT 0 CHECK (score BETWEEN 0 AND 100),
                tags TEXT NOT NULL DEFAULT '',
                stage_entered_at INTEGER NOT NULL,
                last_activity_at INTEGER,
                last_touched_at INTEGER NOT NULL,
                loss_reason TEXT,
                loss_note TEXT,
                is_on_hold INTEGER NOT NULL DEFAULT 0,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                CHECK (stage <> 'lost' OR loss_reason IS NOT NULL)
            );
            -- My queues: a rep's leads in a stage, oldest touch first (new to contact, stalled).
            CREATE INDEX lead_owner_stage_touched ON lead(owner_id, stage, last_touched_at);
            -- Board columns and team-wide stall scans: a stage's cards by age.
            CREATE INDEX lead_stage_touched ON lead(stage, last_touched_at);
            -- Hot queue: a rep's leads by score.
            CREATE INDEX lead_owner_score ON lead(owner_id, score);
            CREATE INDEX lead_contact ON lead(contact_id);
            CREATE INDEX lead_account ON lead(account_id);
            CREATE TABLE ticket (
                id INTEGER PRIMARY KEY,
                account_id INTEGER REFERENCES account(id),
                contact_id INTEGER REFERENCES contact(id),
                subject TEXT NOT NULL,
                description TEXT NOT NULL DEFAULT '',
                priority TEXT NOT NULL CHECK (priority IN ('normal', 'high', 'critical')),
                category TEXT NOT NULL,
                team_id INTEGER REFERENCES team(id),
                assignee_id INTEGER REFERENCES user(id),
                status TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                first_response_at INTEGER,
                resolved_at INTEGER,
                closed_at INTEGER,
                satisfaction INTEGER CHECK (satisfaction BETWEEN 1 AND 5)
            );
            CREATE INDEX ticket_status_priority_created ON ticket(status, priority, created_at);
            CREATE INDEX ticket_assignee_status ON ticket(assignee_id, status);
            CREATE INDEX ticket_team_status ON ticket(team_id, status);
            CREATE TABLE ticket_comment (
                id INTEGER PRIMARY KEY,
                ticket_id INTEGER NOT NULL REFERENCES ticket(id) ON DELETE CASCADE,
                author_id INTEGER NOT NULL REFERENCES user(id),
                body TEXT NOT NULL,
                is_customer_visible INTEGER NOT NULL,
                created_at INTEGER NOT NULL
            );
            CREATE INDEX ticket_comment_ticket ON ticket_comment(ticket_id, created_at);
            CREATE TABLE activity (
                id INTEGER PRIMARY KEY,
                type TEXT NOT NULL,
                subject TEXT NOT NULL,
                notes TEXT NOT NULL DEFAULT '',
                due_at INTEGER NOT NULL,
                duration_minutes INTEGER NOT NULL DEFAULT 30,
                owner_id INTEGER NOT NULL REFERENCES user(id),
                record_kind TEXT,
                record_id INTEGER,
                state TEXT NOT NULL DEFAULT 'planned' CHECK (state IN ('planned', 'done', 'cancelled')),
                outcome TEXT,
                completed_at INTEGER,
                created_at INTEGER NOT NULL
            );
            -- My Agenda and follow-up queues: only planned work is indexed by due time.
            CREATE INDEX activity_planned_owner_due ON activity(owner_id, due_at) WHERE state = 'planned';
            CREATE INDEX activity_planned_due ON activity(due_at) WHERE state = 'planned';
            CREATE INDEX activity_record ON activity(record_kind, record_id);
            CREATE TABLE activity_reschedule (
                id INTEGER PRIMARY KEY,
                activity_id INTEGER NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
                from_due_at INTEGER NOT NULL,
                to_due_at INTEGER NOT NULL,
                reason TEXT NOT NULL,
                user_id INTEGER REFERENCES user(id),
                at INTEGER NOT NULL
            );
            CREATE INDEX activity_reschedule_activity ON activity_reschedule(activity_id);
            CREATE TABLE notification (
                id INTEGER PRIMARY KEY,
                user_id INTEGER NOT NULL REFERENCES user(id),
                kind TEXT NOT NULL,
                record_kind TEXT,
                record_id INTEGER,
                title TEXT NOT NULL,
                body TEXT NOT NULL DEFAULT '',
                created_at INTEGER NOT NULL,
                read_at INTEGER,
                acknowledged_at INTEGER,
                snoozed_until INTEGER,
                dedupe_key TEXT UNIQUE
            );
            CREATE INDEX notification_inbox ON notification(user_id, acknowledged_at, created_at);
            CREATE TABLE audit_entry (
                id INTEGER PRIMARY KEY,
                user_id INTEGER,
                at INTEGER NOT NULL,
                record_kind TEXT NOT NULL,
                record_id INTEGER NOT NULL,
                action TEXT NOT NULL,
                field TEXT,
                before TEXT,
                after TEXT
            );
            CREATE INDEX audit_entry_record ON audit_entry(record_kind, record_id, id);
            """)
    }

    private static func createSearchIndex(_ db: Database) throws {
        // One row per searchable record; rowid = id * 4 + kind code (see SearchIndex).
        try db.execute(sql: """
            CREATE VIRTUAL TABLE search USING fts5(
                title, body,
                tokenize = 'unicode61 remove_diacritics 2',
                prefix = '2 3'
            );
            """)
    }

    private static func createPipelineTotals(_ db: Database) throws {
        // Board aggregates kept exact by triggers, so the board never scans a million leads.
        try db.execute(sql: """
            CREATE TABLE pipeline_total (
                owner_id INTEGER NOT NULL,
                stage TEXT NOT NULL,
                currency TEXT NOT NULL,
                lead_count INTEGER NOT NULL,
                value_minor INTEGER NOT NULL,
                PRIMARY KEY (stage, owner_id, currency)
            ) WITHOUT ROWID;
            CREATE TRIGGER pipeline_total_insert AFTER INSERT ON lead BEGIN
                INSERT INTO pipeline_total (owner_id, stage, currency, lead_count, value_minor)
                VALUES (NEW.owner_id, NEW.stage, NEW.currency, 1, NEW.value_minor)
                ON CONFLICT (stage, owner_id, currency) DO UPDATE SET
                    lead_count = lead_count + 1, value_minor = value_minor + NEW.value_minor;
            END;
            CREATE TRIGGER pipeline_total_delete AFTER DELETE ON lead BEGIN
                UPDATE pipeline_total SET lead_count = lead_count - 1, value_minor = value_minor - OLD.value_minor
                WHERE stage = OLD.stage AND owner_id = OLD.owner_id AND currency = OLD.currency;
            END;
            CREATE TRIGGER pipeline_total_update
            AFTER UPDATE OF owner_id, stage, currency, value_minor ON lead BEGIN
                UPDATE pipeline_total SET lead_count = lead_count - 1, value_minor = value_minor - OLD.value_minor
                WHERE stage = OLD.stage AND owner_id = OLD.owner_id AND currency = OLD.currency;
                INSERT INTO pipeline_total (owner_id, stage, currency, lead_count, value_minor)
                VALUES (NEW.owner_id, NEW.stage, NEW.currency, 1, NEW.value_minor)
                ON CONFLICT (stage, owner_id, currency) DO UPDATE SET
                    lead_count = lead_count + 1, value_minor = value_minor + NEW.value_minor;
            END;
            INSERT INTO pipeline_total (owner_id, stage, currency, lead_count, value_minor)
            SELECT owner_id, stage, currency, COUNT(*), SUM(value_minor) FROM lead GROUP BY owner_id, stage, currency;
            """)
    }

    private static func createStalenessIndex(_ db: Database) throws {
        // A rep's or a team's queue by days in stage walks this index in order and checks the owner in it,
        // instead of sorting a third of a million leads for each page (see LeadQuery's owner clause).
        try db.execute(sql: "CREATE INDEX lead_touched_owner ON lead(last_touched_at, owner_id)")
        if try db.tableExists("sqlite_stat1") { try db.execute(sql: "PRAGMA analysis_limit = 1000; ANALYZE lead_touched_owner") }
    }

    private static func createSortIndexes(_ db: Database) throws {
        // Manager-wide lists sorted by value, score or age, and ticket queues by age within a status,
        // page through an index instead of sorting a million rows.
        try db.execute(sql: """
            CREATE INDEX lead_value ON lead(value_minor);
            CREATE INDEX lead_score ON lead(score);
            CREATE INDEX lead_created ON lead(created_at);
            CREATE INDEX ticket_status_created ON ticket(status, created_at);
            """)
    }

    /// Links every audit entry to the one before it (see ``AuditHash``); entries already written are chained in id order.
    private static func createAuditChain(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE audit_entry ADD COLUMN prev_hash BLOB;
            ALTER TABLE audit_entry ADD COLUMN hash BLOB;
            CREATE INDEX audit_entry_user ON audit_entry(user_id, id);
            CREATE INDEX audit_entry_at ON audit_entry(at);
            """)
        try AuditChainWalk.backfill(db)
    }

    /// Facts about the file itself (`demo = 1` for a generated demo database).
    private static func createDeskSettings(_ db: Database) throws {
        try db.execute(sql: "CREATE TABLE desk_setting (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID")
    }
}
