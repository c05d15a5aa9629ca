-- The hub's schema. Every instance shares it: nothing the hub needs lives only in one process.

-- The hub's own EC P-256 key: counters encrypt USB packages to it; it signs receipts. One row.
create table hub_key (
    id          int primary key check (id = 1),
    private_key bytea       not null,
    public_key  bytea       not null,
    created_at  timestamptz not null default now()
);

create table counters (
    id           text primary key,
    name         text        not null unique,
    public_key   bytea,
    key_id       bytea unique,
    token_hash   bytea unique,
    enrolled_at  timestamptz,
    revoked_at   timestamptz,
    last_seen_at timestamptz,
    -- the counter's changes feed is numbered 1, 2, 3… by taking this row's lock: no gaps, commit order
    last_seq     bigint      not null default 0
);

create table enrolment_codes (
    code_hash    bytea primary key,
    counter_name text        not null,
    created_by   text        not null,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    used_at      timestamptz
);

create table blobs (
    sha256    text primary key,
    size      bigint      not null,
    stored_at timestamptz not null default now()
);

-- tus uploads: the offset and the parts live here and in the file store, so any instance can resume one
create table uploads (
    id            text primary key,
    counter_id    text        not null references counters (id),
    sha256        text        not null,
    length        bigint      not null,
    upload_offset bigint      not null default 0,
    created_at    timestamptz not null default now(),
    completed_at  timestamptz
);

create table upload_parts (
    upload_id   text   not null references uploads (id) on delete cascade,
    part_offset bigint not null,
    length      bigint not null,
    primary key (upload_id, part_offset)
);

create table dossiers (
    code            text primary key,
    counter_id      text        not null references counters (id),
    agency_code     text        not null,
    latest_revision int         not null,
    status          int         not null,
    procedure_name  text        not null,
    applicant_name  text        not null,
    received_at     timestamptz not null,
    appointment_at  timestamptz,
    updated_at      timestamptz not null
);
create index dossiers_by_status on dossiers (status, received_at desc);
create index dossiers_by_counter on dossiers (counter_id, received_at desc);

create table manifests (
    code         text        not null references dossiers (code),
    revision     int         not null,
    content_hash text        not null,
    body         jsonb       not null,
    accepted_at  timestamptz not null,
    via          text        not null,
    primary key (code, revision)
);

-- which files belong to which dossier: a counter may download only its own dossiers' files
create table dossier_files (
    code   text not null references dossiers (code),
    sha256 text not null references blobs (sha256),
    primary key (code, sha256)
);
create index dossier_files_by_sha on dossier_files (sha256);

-- the hub's side of each dossier's history, and the counters' changes feed
create table changes (
    counter_id text        not null references counters (id),
    seq        bigint      not null,
    code       text        not null references dossiers (code),
    kind       text        not null,
    status     int         not null,
    at         timestamptz not null,
    by_name    text        not null,
    reason     text,
    files      jsonb       not null default '[]',
    primary key (counter_id, seq)
);
create index changes_by_code on changes (code, at);

-- portal exports: a durable queue; every attempt and its error stay visible
create table exports (
    id              bigserial primary key,
    code            text        not null references dossiers (code),
    service         text        not null,
    payload         jsonb       not null,
    state           text        not null,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null,
    sent_at         timestamptz
);
create index exports_due on exports (state, next_attempt_at);

create table staff (
    name            text primary key,
    display_name    text        not null,
    role            text        not null,
    password_hash   text        not null,
    created_at      timestamptz not null,
    failed_logins   int         not null default 0,
    locked_until    timestamptz,
    disabled_at     timestamptz
);

create table web_sessions (
    token_hash bytea primary key,
    staff_name text        not null references staff (name),
    csrf       text        not null,
    created_at timestamptz not null,
    expires_at timestamptz not null
);

create table package_imports (
    package_id  text primary key,
    counter_id  text        not null references counters (id),
    imported_at timestamptz not null,
    imported_by text        not null,
    receipt     bytea       not null
);
