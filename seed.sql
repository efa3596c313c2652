-- dana-sandbox seed: the schema and the fake world the sandbox answers from.
--
-- This file is a user interface. Edit it to add your own partners, users, tokens, merchants or
-- subscriptions; the sandbox applies it to every new database (`--db :memory:`, the default, is new
-- at every start) and `POST /sandbox/reset` brings a running sandbox back to exactly this state.
-- To look inside: `sqlite3 x.db < seed.sql`, then `sqlite3 x.db`.
--
-- Conventions
--   * Money is an INTEGER of cents (1/100 rupiah), never a float: 1000000 is IDR 10,000.00.
--   * Times are ISO-8601 text with an offset; DANA and Paylabs speak Jakarta time (+07:00).
--   * Everything here is fake. Names, numbers and keys are for testing only.
--   * The demo partners all sign with one RSA key pair: keys/demo-partner-private.pem signs,
--     the public half (keys/demo-partner-public.pem) is pasted into each demo partner row.

PRAGMA user_version = 1;  -- the schema version this sandbox expects; bump only with the code

-- =================================================================================================
-- Schema
-- =================================================================================================

-- partners: who may call the sandbox, and how their signatures are checked.
--   DANA partners are named by clientId, which is also their SNAP X-PARTNER-ID and X-CLIENT-KEY.
--   Paylabs merchants are named by merchantId, which is also their X-PARTNER-ID.
--   client_secret is DANA's: the Open API head.clientSecret and the key of SNAP's HMAC-SHA512.
--   public_key is the PEM (PKCS#8 "PUBLIC KEY" or PKCS#1 "RSA PUBLIC KEY") their requests verify with.
--   topup_* are the account-inquiry limits and fee DANA applies to this partner's top-ups.
CREATE TABLE partners (
    client_id          TEXT PRIMARY KEY,
    family             TEXT NOT NULL CHECK (family IN ('DANA', 'PAYLABS')),
    name               TEXT NOT NULL,
    client_secret      TEXT,
    public_key         TEXT NOT NULL,
    status             TEXT NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    topup_min_cents    INTEGER NOT NULL DEFAULT 100,
    topup_max_cents    INTEGER NOT NULL DEFAULT 2000000000,
    topup_fee_cents    INTEGER NOT NULL DEFAULT 0,
    topup_fee_type     TEXT NOT NULL DEFAULT 'Admin fee'
);

-- merchants: DANA merchants (queryMerchantResource's requestMerchantId, 21 digits), each owned by a
-- DANA partner, with the three balances that API reports. A SUSPENDED merchant answers as if it
-- did not exist; a zero deposit is what a disbursement partner sees before topping up.
CREATE TABLE merchants (
    merchant_id              TEXT PRIMARY KEY,
    partner_id               TEXT NOT NULL REFERENCES partners (client_id),
    name                     TEXT NOT NULL,
    status                   TEXT NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    available_balance_cents  INTEGER NOT NULL,
    total_balance_cents      INTEGER NOT NULL,
    deposit_balance_cents    INTEGER NOT NULL
);

-- users: DANA wallet holders. customer_number is the 628... number partners send; dana_id is
-- DANA's own 16-digit id (queryUserProfile's CLEAR_TEXT_DANA_ID). A FROZEN user is refused by
-- account inquiry (4033705 PAYEE_USER_STATUS_DISABLE) and by queryUserProfile
-- (USER_STATUS_ABNORMAL). monthly_in_limit_cents caps what may be topped up in a calendar month;
-- monthly_in_used_cents is what already was.
CREATE TABLE users (
    dana_id                 TEXT PRIMARY KEY,
    customer_number         TEXT NOT NULL UNIQUE CHECK (customer_number GLOB '628[0-9]*'),
    full_name               TEXT NOT NULL,
    nickname                TEXT NOT NULL,
    kyc_level               TEXT NOT NULL CHECK (kyc_level IN ('00', '02')),
    status                  TEXT NOT NULL CHECK (status IN ('ACTIVE', 'FROZEN')),
    balance_cents           INTEGER NOT NULL,
    monthly_in_limit_cents  INTEGER NOT NULL,
    monthly_in_used_cents   INTEGER NOT NULL DEFAULT 0,
    ktp_number              TEXT CHECK (ktp_number IS NULL OR length(ktp_number) = 16),
    avatar_url              TEXT
);

-- customer_tokens: user access tokens from DANA's binding flow (queryUserProfile's
-- head.accessToken; account inquiry's Authorization-Customer or additionalInfo.accessToken).
-- scopes is a space-separated list of UserResourceEnum values, or '*' for all of them. dana_id has
-- no foreign key on purpose: a token may outlive its user (USER_NOT_EXIST). A token belongs to a
-- partner; the same token text may be bound for several partners (the docs use one sample token
-- with two sample partners).
CREATE TABLE customer_tokens (
    token       TEXT NOT NULL,
    dana_id     TEXT NOT NULL,
    partner_id  TEXT NOT NULL REFERENCES partners (client_id),
    scopes      TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    PRIMARY KEY (token, partner_id)
);

-- b2b_tokens: SNAP B2B access tokens issued by /v1.0/access-token/b2b.htm (900 s each). Empty in
-- the seed: a reset revokes every token issued since start.
CREATE TABLE b2b_tokens (
    token       TEXT PRIMARY KEY,
    partner_id  TEXT NOT NULL REFERENCES partners (client_id),
    issued_at   TEXT NOT NULL,
    expires_at  TEXT NOT NULL
);

-- paylabs_stores: branches of a Paylabs merchant (querysubtrans's optional storeId).
CREATE TABLE paylabs_stores (
    store_id     TEXT PRIMARY KEY,
    merchant_id  TEXT NOT NULL REFERENCES partners (client_id),
    name         TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('ACTIVE', 'FROZEN'))
);

-- subscriptions: Paylabs DANA subscriptions. subscription_id is what partners send as
-- merchantSubId (SDK, examples) or merchantTradeNo (field table).
CREATE TABLE subscriptions (
    subscription_id  TEXT PRIMARY KEY,
    merchant_id      TEXT NOT NULL REFERENCES partners (client_id),
    store_id         TEXT REFERENCES paylabs_stores (store_id),
    payment_type     TEXT NOT NULL CHECK (payment_type IN ('StaticDanaSub', 'DynamicDanaSub')),
    product_name     TEXT NOT NULL,
    amount_cents     INTEGER NOT NULL,
    created_at       TEXT NOT NULL
);

-- subscription_transactions: one charge of a subscription, as querysubtrans lists them (newest
-- success_time first). status: 01 PENDING, 02 SUCCEEDED, 09 FAILED. success_time is Jakarta time,
-- yyyyMMddHHmmss. fee_rate is a fraction (0.015 = 1.5%); total_fee_cents excludes VAT.
CREATE TABLE subscription_transactions (
    platform_trade_no  TEXT PRIMARY KEY,
    subscription_id    TEXT NOT NULL REFERENCES subscriptions (subscription_id),
    success_time       TEXT NOT NULL CHECK (length(success_time) = 14 AND success_time GLOB '[0-9]*'),
    amount_cents       INTEGER NOT NULL,
    status             TEXT NOT NULL CHECK (status IN ('01', '02', '09')),
    fee_rate           REAL NOT NULL,
    fee_amount_cents   INTEGER NOT NULL,
    total_fee_cents    INTEGER NOT NULL,
    vat_cents          INTEGER NOT NULL
);
CREATE INDEX subscription_transactions_by_time ON subscription_transactions (subscription_id, success_time DESC);

-- snap_external_ids: X-EXTERNAL-ID values already used, per partner per Jakarta day; a second use
-- the same day is 4093700 Conflict.
CREATE TABLE snap_external_ids (
    partner_id   TEXT NOT NULL,
    day          TEXT NOT NULL,
    external_id  TEXT NOT NULL,
    PRIMARY KEY (partner_id, day, external_id)
);

-- paylabs_request_ids: requestId values already used per merchant; a second use is Conflict.
CREATE TABLE paylabs_request_ids (
    merchant_id  TEXT NOT NULL,
    request_id   TEXT NOT NULL,
    PRIMARY KEY (merchant_id, request_id)
);

-- =================================================================================================
-- Data
-- =================================================================================================

-- partners. Every demo partner verifies with the same demo public key (keys/demo-partner-public.pem),
-- so keys/demo-partner-private.pem signs for any of them. Top-up limits: IDR 1.00 to IDR 20,000,000.00
-- (the public sandbox's cap, 4033702 above it), no fee.
INSERT INTO partners (client_id, family, name, client_secret, status, topup_min_cents, topup_max_cents, topup_fee_cents, topup_fee_type, public_key) VALUES
    -- DANA: the docs' sample partner (Open API head.clientId/clientSecret, SNAP X-PARTNER-ID);
    -- owns the demo merchants and most demo tokens
    ('2014000014442',                    'DANA',    'Toko Demo Sejahtera (docs sample partner)',            '2014000014442',                    'ACTIVE',    100, 2000000000, 0, 'Admin fee',
     '-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAsoAyiGeouEMPXSlo1hdw
tUimxpJap/nzOa/yhuXxL4vDuo3lsIOLQBzxevm1oOOtojW97PWM+oIQ3RuqVKXB
L9mT1lnOEykOtWmRE26tmB7d6GTbhPy7K0R4UuUh+sQOFju66oC9BVhAHSOq4BcU
A69aaonc/VPwbtLmAY2he982JIYdXw2Ao4pGfn9pfanz6HiwpxS7mVBDzp0eKkYw
ieduhYV3Bb+eIp9ClA9H5RwRzknJfIhj/YVB2LesPCf+VPTCfqy3uYEZ8aIyqC0v
1uiwvDMx4l4GDmK0JvXY69cZAFAn3lKAAFw2rzY6W8IZjSc+LSEj4ROWSrK3Q/MJ
zQIDAQAB
-----END PUBLIC KEY-----
'),

    -- DANA: the SNAP header samples' X-PARTNER-ID; HMAC-SHA512 (symmetric) signatures use its own secret
    ('82150823919040624621823174737537', 'DANA',    'PT Mitra Contoh Digital (SNAP header sample partner)', '7c4e1a9b2f83d6054e9ab17c3d28f6e1', 'ACTIVE',    100, 2000000000, 0, 'Admin fee',
     '-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAsoAyiGeouEMPXSlo1hdw
tUimxpJap/nzOa/yhuXxL4vDuo3lsIOLQBzxevm1oOOtojW97PWM+oIQ3RuqVKXB
L9mT1lnOEykOtWmRE26tmB7d6GTbhPy7K0R4UuUh+sQOFju66oC9BVhAHSOq4BcU
A69aaonc/VPwbtLmAY2he982JIYdXw2Ao4pGfn9pfanz6HiwpxS7mVBDzp0eKkYw
ieduhYV3Bb+eIp9ClA9H5RwRzknJfIhj/YVB2LesPCf+VPTCfqy3uYEZ8aIyqC0v
1uiwvDMx4l4GDmK0JvXY69cZAFAn3lKAAFw2rzY6W8IZjSc+LSEj4ROWSrK3Q/MJ
zQIDAQAB
-----END PUBLIC KEY-----
'),

    -- DANA: owns no merchant, so queryMerchantResource / queryUserProfile answer MERCHANT_NOT_EXIST
    ('2014000099999',                    'DANA',    'Aplikasi Kasir Nusantara (partner without merchant)',  '2014000099999',                    'ACTIVE',    100, 2000000000, 0, 'Admin fee',
     '-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAsoAyiGeouEMPXSlo1hdw
tUimxpJap/nzOa/yhuXxL4vDuo3lsIOLQBzxevm1oOOtojW97PWM+oIQ3RuqVKXB
L9mT1lnOEykOtWmRE26tmB7d6GTbhPy7K0R4UuUh+sQOFju66oC9BVhAHSOq4BcU
A69aaonc/VPwbtLmAY2he982JIYdXw2Ao4pGfn9pfanz6HiwpxS7mVBDzp0eKkYw
ieduhYV3Bb+eIp9ClA9H5RwRzknJfIhj/YVB2LesPCf+VPTCfqy3uYEZ8aIyqC0v
1uiwvDMx4l4GDmK0JvXY69cZAFAn3lKAAFw2rzY6W8IZjSc+LSEj4ROWSrK3Q/MJ
zQIDAQAB
-----END PUBLIC KEY-----
'),

    -- DANA: suspended partner: every call is refused, however well signed
    ('2014000088888',                    'DANA',    'Koperasi Digital Lama (suspended partner)',            '2014000088888',                    'SUSPENDED', 100, 2000000000, 0, 'Admin fee',
     '-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAsoAyiGeouEMPXSlo1hdw
tUimxpJap/nzOa/yhuXxL4vDuo3lsIOLQBzxevm1oOOtojW97PWM+oIQ3RuqVKXB
L9mT1lnOEykOtWmRE26tmB7d6GTbhPy7K0R4UuUh+sQOFju66oC9BVhAHSOq4BcU
A69aaonc/VPwbtLmAY2he982JIYdXw2Ao4pGfn9pfanz6HiwpxS7mVBDzp0eKkYw
ieduhYV3Bb+eIp9ClA9H5RwRzknJfIhj/YVB2LesPCf+VPTCfqy3uYEZ8aIyqC0v
1uiwvDMx4l4GDmK0JvXY69cZAFAn3lKAAFw2rzY6W8IZjSc+LSEj4ROWSrK3Q/MJ
zQIDAQAB
-----END PUBLIC KEY-----
'),

    -- Paylabs: the docs' sample merchant (merchantId / X-PARTNER-ID); Paylabs has no client secret
    ('010001',                           'PAYLABS', 'PT Demo Langganan Indonesia (docs sample merchant)',   NULL,                               'ACTIVE',    100, 2000000000, 0, 'Admin fee',
     '-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAsoAyiGeouEMPXSlo1hdw
tUimxpJap/nzOa/yhuXxL4vDuo3lsIOLQBzxevm1oOOtojW97PWM+oIQ3RuqVKXB
L9mT1lnOEykOtWmRE26tmB7d6GTbhPy7K0R4UuUh+sQOFju66oC9BVhAHSOq4BcU
A69aaonc/VPwbtLmAY2he982JIYdXw2Ao4pGfn9pfanz6HiwpxS7mVBDzp0eKkYw
ieduhYV3Bb+eIp9ClA9H5RwRzknJfIhj/YVB2LesPCf+VPTCfqy3uYEZ8aIyqC0v
1uiwvDMx4l4GDmK0JvXY69cZAFAn3lKAAFw2rzY6W8IZjSc+LSEj4ROWSrK3Q/MJ
zQIDAQAB
-----END PUBLIC KEY-----
'),

    -- Paylabs: a second merchant, so asking for another merchant's subscription can be tested
    ('010002',                           'PAYLABS', 'CV Yoga Sehat Bali (second merchant)',                 NULL,                               'ACTIVE',    100, 2000000000, 0, 'Admin fee',
     '-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAsoAyiGeouEMPXSlo1hdw
tUimxpJap/nzOa/yhuXxL4vDuo3lsIOLQBzxevm1oOOtojW97PWM+oIQ3RuqVKXB
L9mT1lnOEykOtWmRE26tmB7d6GTbhPy7K0R4UuUh+sQOFju66oC9BVhAHSOq4BcU
A69aaonc/VPwbtLmAY2he982JIYdXw2Ao4pGfn9pfanz6HiwpxS7mVBDzp0eKkYw
ieduhYV3Bb+eIp9ClA9H5RwRzknJfIhj/YVB2LesPCf+VPTCfqy3uYEZ8aIyqC0v
1uiwvDMx4l4GDmK0JvXY69cZAFAn3lKAAFw2rzY6W8IZjSc+LSEj4ROWSrK3Q/MJ
zQIDAQAB
-----END PUBLIC KEY-----
');


-- merchants: DANA merchants of the docs' sample partner. Balances in cents.
INSERT INTO merchants (merchant_id, partner_id, name, status, available_balance_cents, total_balance_cents, deposit_balance_cents) VALUES
    -- queryMerchantResource's sample merchant (dana-python's MERCHANT_ID): all three balances non-zero,
    -- available IDR 125,750,000.00, total IDR 138,900,250.00, deposit IDR 50,000,000.00
    ('216620000097087957144', '2014000014442', 'Toko Demo Sejahtera - Pusat Jakarta',             'ACTIVE',    12575000000, 13890025000, 5000000000),

    -- dana-python's DANA_MERCHANT_ID: a second active merchant of the same partner
    ('216620000000147517713', '2014000014442', 'Toko Demo Sejahtera - Toko Online',               'ACTIVE',     4825050000,  5195050000, 1000000000),

    -- suspended: answers as if it did not exist (MERCHANT_NOT_EXIST)
    ('216620000031415926535', '2014000014442', 'Toko Demo Sejahtera - Cabang Surabaya (ditutup)', 'SUSPENDED',     1575000,     1575000,  250000000),

    -- empty deposit: what a disbursement partner sees before its first deposit top-up
    ('216620000044810362290', '2014000014442', 'Toko Demo Sejahtera - Disbursement Baru',         'ACTIVE',        3500000,     3500000,          0);


-- users: DANA wallet holders. KYC '02' is verified (DANA Premium; most may receive IDR 40,000,000.00
-- a month), '00' is not (no KTP on file). 628152768647 is deliberately absent: the public sandbox's
-- unregistered payee (account inquiry 4033705 PAYEE_USER_NOT_EXIST).
INSERT INTO users (dana_id, customer_number, full_name, nickname, kyc_level, status, balance_cents, monthly_in_limit_cents, monthly_in_used_cents, ktp_number, avatar_url) VALUES
    -- the public sandbox's valid payee: account inquiry 2003700, or 4033702 above IDR 20,000,000.00;
    -- dana-python's first payee
    ('2160418820390157', '62811742234',    'Budi Santoso',              'Budi',  '02', 'ACTIVE',  254375000, 4000000000,  150000000, '3174051205880003', 'https://a.m.dana.id/avatar/7f3a9c2e41b8.png'),

    -- the docs' account-inquiry response sample: 'John Doe', customerMonthlyInLimit 10000000
    ('2160027735100841', '6281388370001',  'John Doe',                  'John',  '02', 'ACTIVE',   75000000, 1000000000,          0, '3171011503900001', 'https://a.m.dana.id/avatar/c41d07e9a352.png'),

    -- the docs' account-inquiry request sample; owns the docs' sample token fa8sjjEj...
    ('2160559012743368', '62810987654321', 'Rina Wulandari',            'Rina',  '02', 'ACTIVE',  487650000, 4000000000,  250000000, '3578034711930002', 'https://a.m.dana.id/avatar/2be98f6a0d17.png'),

    -- the public sandbox's frozen payee: account inquiry 4033705 PAYEE_USER_STATUS_DISABLE,
    -- queryUserProfile USER_STATUS_ABNORMAL
    ('2160734401928815', '628123456667',   'Agus Pratama',              'Agus',  '02', 'FROZEN',   32500000, 4000000000,          0, '3374022102850005', 'https://a.m.dana.id/avatar/90e2b5c7f461.png'),

    -- dana-python's retry payees (tests/helpers/disbursement_customer_retry.py): both must succeed
    ('2160260847715530', '62817345544',    'Siti Rahayu',               'Siti',  '02', 'ACTIVE',  129900000, 4000000000,    5000000, '3273026308920001', 'https://a.m.dana.id/avatar/5d8c1f2a7be3.png'),
    ('2160391176204472', '62817345545',    'Dewi Lestari',              'Dewi',  '00', 'ACTIVE',   45000000, 2000000000,          0, NULL,               'https://a.m.dana.id/avatar/e6a4093bd2c8.png'),

    -- more ordinary payees: verified, well funded, most of this month's limit still free
    ('2160648239017763', '6281234567801',  'Andi Wijaya',               'Andi',  '02', 'ACTIVE', 1250000000, 4000000000, 1200000000, '1271063006790004', 'https://a.m.dana.id/avatar/1a7f5e8c3d90.png'),
    ('2160472058836194', '6281337001122',  'I Wayan Sudarsana',         'Wayan', '02', 'ACTIVE',   67825000, 4000000000,   30000000, '5171011709900002', 'https://a.m.dana.id/avatar/8b3e6d1f4a27.png'),

    -- verified but an empty wallet (balance 0)
    ('2160936601457208', '6282145678901',  'Maria Natalia Simanjuntak', 'Maria', '02', 'ACTIVE',          0, 4000000000,          0, '3671085212950001', 'https://a.m.dana.id/avatar/f02c7a9e6b15.png'),

    -- unverified, nearly at the monthly in-limit: IDR 1,950,000.00 of IDR 2,000,000.00 used, so a
    -- top-up inquiry above IDR 50,000.00 exceeds the monthly in-limit
    ('2160805513926640', '6285712345678',  'Putri Maharani',            'Putri', '00', 'ACTIVE',  185000000,  200000000,  195000000, NULL,               'https://a.m.dana.id/avatar/3c9d2e7b0f64.png'),

    -- unverified, no KTP and no avatar on file (queryUserProfile's optional resources come back empty)
    ('2160117940385521', '6289612340099',  'Yusuf Hidayat',             'Yusuf', '00', 'ACTIVE',    2500000, 2000000000,          0, NULL,               NULL);


-- customer_tokens: user access tokens, as if the binding flow had run. '*' = every UserResourceEnum.
-- Any other token (e.g. the php_client test's '1111') is unknown: OAUTH_FAILED.
INSERT INTO customer_tokens (token, dana_id, partner_id, scopes, expires_at) VALUES
    -- the docs' sample token (account inquiry's Authorization-Customer), user 62810987654321 Rina,
    -- for the docs' Open API sample partner and for document 001's complete example's partner
    ('fa8sjjEj813Y9JGoqwOeOPWbnt4CUpvIJbU1mMU4a11MNDZ7Sg5u9a', '2160559012743368', '2014000014442', '*',                '2099-12-31T23:59:59+07:00'),
    ('fa8sjjEj813Y9JGoqwOeOPWbnt4CUpvIJbU1mMU4a11MNDZ7Sg5u9a', '2160559012743368', '82150823919040624621823174737537', '*', '2099-12-31T23:59:59+07:00'),

    -- all scopes for the public sandbox's valid payee 62811742234 Budi and the docs' John Doe
    ('demo-token-62811742234',                                 '2160418820390157', '2014000014442', '*',                '2099-12-31T23:59:59+07:00'),
    ('demo-token-6281388370001',                               '2160027735100841', '2014000014442', '*',                '2099-12-31T23:59:59+07:00'),

    -- only BALANCE and NICKNAME (62817345544 Siti): more is TOKEN_FORBIDDEN_ACCESS_RESOURCES
    ('demo-token-limited-scopes',                              '2160260847715530', '2014000014442', 'BALANCE NICKNAME', '2099-12-31T23:59:59+07:00'),

    -- unverified user without KTP or avatar (6289612340099 Yusuf): USER_KYC '00', empty KTP resources
    ('demo-token-basic-kyc',                                   '2160117940385521', '2014000014442', '*',                '2099-12-31T23:59:59+07:00'),

    -- the frozen user 628123456667 Agus: USER_STATUS_ABNORMAL
    ('demo-token-frozen-user',                                 '2160734401928815', '2014000014442', '*',                '2099-12-31T23:59:59+07:00'),

    -- user no longer exists (dana_id in no users row): USER_NOT_EXIST
    ('demo-token-user-gone',                                   '2160000000000404', '2014000014442', '*',                '2099-12-31T23:59:59+07:00'),

    -- expired on 2024-01-01 (user 62811742234 Budi): refused like an unknown token
    ('demo-token-expired',                                     '2160418820390157', '2014000014442', '*',                '2024-01-01T00:00:00+07:00'),

    -- issued to the merchant-less partner 2014000099999 (user 6281234567801 Andi): MERCHANT_NOT_EXIST
    ('demo-token-partner-without-merchant',                    '2160648239017763', '2014000099999', '*',                '2099-12-31T23:59:59+07:00');


-- b2b_tokens: /v1.0/access-token/b2b.htm issues them at run time. One is seeded: the B2B token of
-- document 001's complete example (its Authorization header), for its partner, so the example
-- runs as printed with a symmetric (HMAC) signature.
INSERT INTO b2b_tokens (token, partner_id, issued_at, expires_at) VALUES
    ('gp9HjjEj813Y9JGoqwOeOPWbnt4CUpvIJbU1mMU4a11MNDZ7Sg5u9a', '82150823919040624621823174737537', '2020-12-21T17:02:11+07:00', '2099-12-31T23:59:59+07:00');


-- paylabs_stores: branches (querysubtrans's optional storeId).
INSERT INTO paylabs_stores (store_id, merchant_id, name, status) VALUES
    -- active branch of 010001; the DynamicDanaSub subscription belongs to it
    ('ST-010001-JKT01', '010001', 'Cabang Jakarta Selatan', 'ACTIVE'),

    -- frozen branch of 010001: a query naming it gets storeFreezing
    ('ST-010001-BDG01', '010001', 'Cabang Bandung Dago',    'FROZEN'),

    -- the only branch of 010002 (010001 naming it names another merchant's store)
    ('ST-010002-DPS01', '010002', 'Studio Denpasar',        'ACTIVE');


-- subscriptions: Paylabs DANA subscriptions. The number after 'PY-' is the creation time (Unix seconds).
-- Amounts stay within Paylabs' DANA subscription limits, IDR 10,000.00 to IDR 50,000,000.00.
INSERT INTO subscriptions (subscription_id, merchant_id, store_id, payment_type, product_name, amount_cents, created_at) VALUES
    -- the docs' sample (merchantSubId PY-1761114620.5313134): IDR 15,000.00 every Friday, 34 charges
    -- with retries, so paging (pageSize 10 by default, 50 at most) has several pages
    ('PY-1761114620.5313134', '010001', NULL,              'StaticDanaSub',  'Langganan Premium Mingguan',         1500000, '2025-10-22T13:30:20+07:00'),

    -- DynamicDanaSub of store ST-010001-JKT01: a monthly bill that varies around IDR 350,000.00
    ('PY-1762405200.8841207', '010001', 'ST-010001-JKT01', 'DynamicDanaSub', 'Tagihan Internet Rumah 30 Mbps',    35000000, '2025-11-06T12:00:00+07:00'),

    -- merchant 010002's subscription: 010001 asking for it is told it does not exist
    ('PY-1759284000.4417789', '010002', 'ST-010002-DPS01', 'StaticDanaSub',  'Kelas Yoga Online Bulanan',         25000000, '2025-10-01T09:00:00+07:00'),

    -- created, first (yearly) charge not yet due: an empty paymentInfo
    ('PY-1779950000.6620913', '010001', NULL,              'StaticDanaSub',  'Langganan Majalah Digital Tahunan', 29900000, '2026-05-28T13:33:20+07:00');


-- subscription_transactions: the charges querysubtrans lists (newest first). Fee arithmetic:
-- total_fee_cents = fee_amount_cents (no other fee), vat_cents = 11% of it rounded half up;
-- a failed charge (09) carries no fee, a pending one (01) the fee it will carry.
-- platform_trade_no = yyyyMMdd + '001000000' + a two-digit sequence (10, 11 retry; 20; 30).
INSERT INTO subscription_transactions (platform_trade_no, subscription_id, success_time, amount_cents, status, fee_rate, fee_amount_cents, total_fee_cents, vat_cents) VALUES
    -- PY-1761114620.5313134: the docs' sample charge, verbatim (flat IDR 2,500.00 fee, fee_rate 0.0)
    ('2025102400100000010', 'PY-1761114620.5313134', '20251024055400',  1500000, '02',   0.0, 250000, 250000, 27500),

    -- weekly charges that followed, same flat fee; on 2025-11-28 the first attempt failed and the
    -- 12:10 retry (sequence 11) succeeded, on 2026-01-30 both failed, on 2026-03-13 it failed
    -- without retry; the last two (2026-05-22, 2026-05-29) are still pending
    ('2025103100100000010', 'PY-1761114620.5313134', '20251031055717',  1500000, '02',   0.0, 250000, 250000, 27500),
    ('2025110700100000010', 'PY-1761114620.5313134', '20251107055434',  1500000, '02',   0.0, 250000, 250000, 27500),
    ('2025111400100000010', 'PY-1761114620.5313134', '20251114055151',  1500000, '02',   0.0, 250000, 250000, 27500),
    ('2025112100100000010', 'PY-1761114620.5313134', '20251121055808',  1500000, '02',   0.0, 250000, 250000, 27500),
    ('2025112800100000010', 'PY-1761114620.5313134', '20251128055525',  1500000, '09',   0.0,      0,      0,     0),
    ('2025112800100000011', 'PY-1761114620.5313134', '20251128121004',  1500000, '02',   0.0, 250000, 250000, 27500),
    ('2025120500100000010', 'PY-1761114620.5313134', '20251205055242',  1500000, '02',   0.0, 250000, 250000, 27500),
    ('2025121200100000010', 'PY-1761114620.5313134', '20251212055959',  1500000, '02',   0.0, 250000, 250000, 27500),
    ('2025121900100000010', 'PY-1761114620.5313134', '20251219055616',  1500000, '02',   0.0, 250000, 250000, 27500),
    ('2025122600100000010', 'PY-1761114620.5313134', '20251226055333',  1500000, '02',   0.0, 250000, 250000, 27500),
    ('2026010200100000010', 'PY-1761114620.5313134', '20260102055050',  1500000, '02',   0.0, 250000, 250000, 27500),
    ('2026010900100000010', 'PY-1761114620.5313134', '20260109055707',  1500000, '02',   0.0, 250000, 250000, 27500),
    ('2026011600100000010', 'PY-1761114620.5313134', '20260116055424',  1500000, '02',   0.0, 250000, 250000, 27500),
    ('2026012300100000010', 'PY-1761114620.5313134', '20260123055141',  1500000, '02',   0.0, 250000, 250000, 27500),
    ('2026013000100000010', 'PY-1761114620.5313134', '20260130055858',  1500000, '09',   0.0,      0,      0,     0),
    ('2026013000100000011', 'PY-1761114620.5313134', '20260130121031',  1500000, '09',   0.0,      0,      0,     0),
    ('2026020600100000010', 'PY-1761114620.5313134', '20260206055515',  1500000, '02',   0.0, 250000, 250000, 27500),
    ('2026021300100000010', 'PY-1761114620.5313134', '20260213055232',  1500000, '02',   0.0, 250000, 250000, 27500),
    ('2026022000100000010', 'PY-1761114620.5313134', '20260220055949',  1500000, '02',   0.0, 250000, 250000, 27500),
    ('2026022700100000010', 'PY-1761114620.5313134', '20260227055606',  1500000, '02',   0.0, 250000, 250000, 27500),
    ('2026030600100000010', 'PY-1761114620.5313134', '20260306055323',  1500000, '02',   0.0, 250000, 250000, 27500),
    ('2026031300100000010', 'PY-1761114620.5313134', '20260313055040',  1500000, '09',   0.0,      0,      0,     0),
    ('2026032000100000010', 'PY-1761114620.5313134', '20260320055757',  1500000, '02',   0.0, 250000, 250000, 27500),
    ('2026032700100000010', 'PY-1761114620.5313134', '20260327055414',  1500000, '02',   0.0, 250000, 250000, 27500),
    ('2026040300100000010', 'PY-1761114620.5313134', '20260403055131',  1500000, '02',   0.0, 250000, 250000, 27500),
    ('2026041000100000010', 'PY-1761114620.5313134', '20260410055848',  1500000, '02',   0.0, 250000, 250000, 27500),
    ('2026041700100000010', 'PY-1761114620.5313134', '20260417055505',  1500000, '02',   0.0, 250000, 250000, 27500),
    ('2026042400100000010', 'PY-1761114620.5313134', '20260424055222',  1500000, '02',   0.0, 250000, 250000, 27500),
    ('2026050100100000010', 'PY-1761114620.5313134', '20260501055939',  1500000, '02',   0.0, 250000, 250000, 27500),
    ('2026050800100000010', 'PY-1761114620.5313134', '20260508055656',  1500000, '02',   0.0, 250000, 250000, 27500),
    ('2026051500100000010', 'PY-1761114620.5313134', '20260515055313',  1500000, '02',   0.0, 250000, 250000, 27500),
    ('2026052200100000010', 'PY-1761114620.5313134', '20260522055030',  1500000, '01',   0.0, 250000, 250000, 27500),
    ('2026052900100000010', 'PY-1761114620.5313134', '20260529055747',  1500000, '01',   0.0, 250000, 250000, 27500),

    -- PY-1762405200.8841207 (DynamicDanaSub, store ST-010001-JKT01): monthly bills, 1.5% fee;
    -- February's failed on the 10th and was retried on the 11th
    ('2025111000100000020', 'PY-1762405200.8841207', '20251110091500', 35000000, '02', 0.015, 525000, 525000, 57750),
    ('2025121000100000020', 'PY-1762405200.8841207', '20251210091613', 35000000, '02', 0.015, 525000, 525000, 57750),
    ('2026011000100000020', 'PY-1762405200.8841207', '20260110091726', 36250000, '02', 0.015, 543750, 543750, 59813),
    ('2026021000100000020', 'PY-1762405200.8841207', '20260210091839', 35000000, '09', 0.015,      0,      0,     0),
    ('2026021100100000020', 'PY-1762405200.8841207', '20260211091952', 35000000, '02', 0.015, 525000, 525000, 57750),
    ('2026031000100000020', 'PY-1762405200.8841207', '20260310092005', 38125000, '02', 0.015, 571875, 571875, 62906),
    ('2026041000100000020', 'PY-1762405200.8841207', '20260410092118', 35000000, '02', 0.015, 525000, 525000, 57750),
    ('2026051000100000020', 'PY-1762405200.8841207', '20260510092231', 36675000, '02', 0.015, 550125, 550125, 60514),

    -- PY-1759284000.4417789 (merchant 010002, store ST-010002-DPS01): monthly, 1.8% fee;
    -- January's failed on the 1st and was retried on the 2nd
    ('2025100100100000030', 'PY-1759284000.4417789', '20251001090500', 25000000, '02', 0.018, 450000, 450000, 49500),
    ('2025110100100000030', 'PY-1759284000.4417789', '20251101090511', 25000000, '02', 0.018, 450000, 450000, 49500),
    ('2025120100100000030', 'PY-1759284000.4417789', '20251201090522', 25000000, '02', 0.018, 450000, 450000, 49500),
    ('2026010100100000030', 'PY-1759284000.4417789', '20260101090533', 25000000, '09', 0.018,      0,      0,     0),
    ('2026010200100000030', 'PY-1759284000.4417789', '20260102090544', 25000000, '02', 0.018, 450000, 450000, 49500),
    ('2026020100100000030', 'PY-1759284000.4417789', '20260201090555', 25000000, '02', 0.018, 450000, 450000, 49500),
    ('2026030100100000030', 'PY-1759284000.4417789', '20260301090506', 25000000, '02', 0.018, 450000, 450000, 49500),
    ('2026040100100000030', 'PY-1759284000.4417789', '20260401090517', 25000000, '02', 0.018, 450000, 450000, 49500),
    ('2026050100100000030', 'PY-1759284000.4417789', '20260501090528', 25000000, '02', 0.018, 450000, 450000, 49500);
