-- ActorTrading schema, version 1. Applied by Migrator inside one transaction under an advisory lock.

-- Accounts read model (projected from AccountOpened, RiskLimitsChanged, TradingStateChanged, cash changes).
CREATE TABLE accounts (
    account_id   text PRIMARY KEY,
    display_name text NOT NULL DEFAULT '',
    cash         numeric NOT NULL DEFAULT 0,
    state        smallint NOT NULL DEFAULT 1,
    limits       bytea,                      -- actortrading.v1.RiskLimits, protobuf
    created      timestamptz NOT NULL DEFAULT now(),
    updated      timestamptz NOT NULL DEFAULT now()
);

-- One row per account: the seq claim. An append updates last_seq only WHERE last_seq = firstSeq - 1,
-- so a second writer of the same account loses; this is what keeps (account_id, seq) unique although
-- the partitioned account_events table can only have primary keys that include its partition key `at`.
CREATE TABLE account_heads (
    account_id text PRIMARY KEY,
    last_seq   bigint NOT NULL,
    batch_id   bigint NOT NULL               -- the group-commit batch that last advanced it
);

CREATE TABLE account_events (
    account_id text NOT NULL,
    seq        bigint NOT NULL,
    at         timestamptz NOT NULL,
    type       text NOT NULL,
    payload    bytea NOT NULL,               -- actortrading.events.v1.AccountEvent, protobuf
    PRIMARY KEY (account_id, seq, at)
) PARTITION BY RANGE (at);
CREATE TABLE account_events_default PARTITION OF account_events DEFAULT;

CREATE TABLE account_snapshots (
    account_id text PRIMARY KEY,
    seq        bigint NOT NULL,
    at         timestamptz NOT NULL,
    payload    bytea NOT NULL                -- actortrading.events.v1.AccountSnapshot, protobuf
);

CREATE TABLE principals (
    principal   text PRIMARY KEY,
    role        smallint NOT NULL,
    account_ids text[] NOT NULL,
    created     timestamptz NOT NULL DEFAULT now(),
    updated     timestamptz NOT NULL DEFAULT now()
);

-- Only a salted PBKDF2/SHA-256 hash of each secret; the key id is public.
CREATE TABLE api_keys (
    key_id     text PRIMARY KEY,
    principal  text NOT NULL REFERENCES principals (principal),
    salt       bytea NOT NULL,
    iterations integer NOT NULL,
    hash       bytea NOT NULL,
    created    timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
);

CREATE TABLE orders (
    account_id         text NOT NULL,
    order_id           text NOT NULL,
    seq                bigint NOT NULL,      -- seq of the OrderAccepted/OrderDenied event: listing order
    client_order_id    text NOT NULL,
    symbol             text NOT NULL,
    side               smallint NOT NULL,
    type               smallint NOT NULL,
    quantity           numeric NOT NULL,
    filled_quantity    numeric NOT NULL,
    limit_price        numeric,
    stop_price         numeric,
    average_fill_price numeric,
    status             smallint NOT NULL,
    product            smallint NOT NULL,
    time_in_force      smallint NOT NULL,
    strategy           text NOT NULL,
    created            timestamptz NOT NULL,
    updated            timestamptz NOT NULL,
    PRIMARY KEY (account_id, order_id)
);
CREATE INDEX orders_account_seq ON orders (account_id, seq DESC);

CREATE TABLE trades (
    account_id text NOT NULL,
    seq        bigint NOT NULL,              -- seq of the OrderFilled event
    at         timestamptz NOT NULL,         -- the event's time: same partition month as the event
    trade_id   text NOT NULL,
    order_id   text NOT NULL,
    symbol     text NOT NULL,
    side       smallint NOT NULL,
    quantity   numeric NOT NULL,
    price      numeric NOT NULL,
    fees       numeric NOT NULL,
    time       timestamptz NOT NULL,         -- the broker's execution time
    PRIMARY KEY (account_id, seq, at)
) PARTITION BY RANGE (at);
CREATE TABLE trades_default PARTITION OF trades DEFAULT;

CREATE TABLE positions (
    account_id    text NOT NULL,
    symbol        text NOT NULL,
    product       smallint NOT NULL,
    quantity      numeric NOT NULL,
    average_price numeric NOT NULL,
    last_price    numeric NOT NULL,
    realized_pnl  numeric NOT NULL,
    updated       timestamptz NOT NULL,
    PRIMARY KEY (account_id, symbol, product)
);

CREATE TABLE audit_log (
    id         bigserial PRIMARY KEY,
    at         timestamptz NOT NULL,
    principal  text NOT NULL,
    action     text NOT NULL,
    account_id text NOT NULL,
    outcome    text NOT NULL,
    detail     text NOT NULL
);
CREATE INDEX audit_log_account ON audit_log (account_id, id DESC);

CREATE TABLE market_bars (
    symbol text NOT NULL,
    start  timestamptz NOT NULL,
    open   numeric NOT NULL,
    high   numeric NOT NULL,
    low    numeric NOT NULL,
    close  numeric NOT NULL,
    volume bigint NOT NULL,
    PRIMARY KEY (symbol, start)
);

CREATE TABLE strategies (
    account_id         text NOT NULL,
    instance_name      text NOT NULL,
    type               text NOT NULL,
    symbols            text[] NOT NULL,
    parameters         jsonb NOT NULL,
    running            boolean NOT NULL,
    webhook_token_hash text NOT NULL,
    updated            timestamptz NOT NULL,
    PRIMARY KEY (account_id, instance_name)
);

-- AES-256-GCM: the key comes from ACTORTRADING_CREDENTIALS_KEY and never reaches the database.
CREATE TABLE broker_credentials (
    gateway_id text PRIMARY KEY,
    nonce      bytea NOT NULL,
    ciphertext bytea NOT NULL,
    tag        bytea NOT NULL,
    updated    timestamptz NOT NULL DEFAULT now()
);

-- Creates the monthly partitions of account_events and trades from one month back to
-- `months_ahead` months ahead (idempotent). Run by every migration pass, i.e. at each node start.
CREATE FUNCTION actortrading_ensure_partitions(months_ahead integer) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    parent text;
    m integer;
    first_day date;
    part text;
    created integer := 0;
BEGIN
    FOREACH parent IN ARRAY ARRAY['account_events', 'trades'] LOOP
        FOR m IN -1..months_ahead LOOP
            first_day := (date_trunc('month', now() AT TIME ZONE 'UTC') + make_interval(months => m))::date;
            part := parent || '_' || to_char(first_day, 'YYYY_MM');
            IF to_regclass(quote_ident(current_schema()) || '.' || quote_ident(part)) IS NULL THEN
                BEGIN
                    EXECUTE format('CREATE TABLE %I.%I PARTITION OF %I.%I FOR VALUES FROM (%L) TO (%L)',
                        current_schema(), part, current_schema(), parent,
                        first_day::timestamp AT TIME ZONE 'UTC', (first_day + interval '1 month')::timestamp AT TIME ZONE 'UTC');
                    created := created + 1;
                EXCEPTION WHEN others THEN
                    -- e.g. the default partition already holds rows of that month: they stay there.
                    RAISE WARNING 'actortrading: could not create partition %: %', part, SQLERRM;
                END;
            END IF;
        END LOOP;
    END LOOP;
    RETURN created;
END $$;
