-- TradingView webhook tokens: only a SHA-256 hash of each token is stored; any node resolves a token to its strategy.
CREATE TABLE IF NOT EXISTS webhook_tokens (
    token_hash  bytea PRIMARY KEY,
    account_id  text NOT NULL,
    instance    text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS webhook_tokens_account ON webhook_tokens (account_id, instance);
