-- Version 2: the group commit's seq claim as one function that FAILS the whole transaction when any account's
-- claim loses (a second writer, split brain). The events and read-model statements of the same batch then need
-- no join on account_heads to skip losers: nothing of the batch commits, the client fails the losers with a
-- conflict and runs the rest again (a second round trip only when a conflict actually happened).
-- SQLSTATE AT409; the MESSAGE is a JSON array of the losing account ids (Npgsql redacts DETAIL by default).
CREATE FUNCTION actortrading_claim(p_accounts text[], p_expected bigint[], p_new_last bigint[], p_batch bigint) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    v_won text[];
    v_lost text[];
BEGIN
    WITH req AS (SELECT * FROM unnest(p_accounts, p_expected, p_new_last) AS r(acc, exp, last)),
    ins AS (INSERT INTO account_heads (account_id, last_seq, batch_id)
            SELECT req.acc, req.last, p_batch FROM req WHERE req.exp = 0
            ON CONFLICT (account_id) DO NOTHING RETURNING account_heads.account_id),
    upd AS (UPDATE account_heads h SET last_seq = req.last, batch_id = p_batch FROM req
            WHERE h.account_id = req.acc AND req.exp > 0 AND h.last_seq = req.exp RETURNING h.account_id)
    SELECT array_agg(w.account_id) INTO v_won FROM (SELECT account_id FROM ins UNION ALL SELECT account_id FROM upd) w;
    IF coalesce(array_length(v_won, 1), 0) < coalesce(array_length(p_accounts, 1), 0) THEN
        SELECT array_agg(a) INTO v_lost FROM unnest(p_accounts) a WHERE NOT (a = ANY (coalesce(v_won, '{}'::text[])));
        RAISE EXCEPTION USING ERRCODE = 'AT409', MESSAGE = array_to_json(v_lost)::text,
            HINT = 'actortrading: seq claim lost, another writer advanced these accounts';
    END IF;
    RETURN coalesce(array_length(p_accounts, 1), 0);
END $$;
