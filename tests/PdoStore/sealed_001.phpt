--TEST--
PdoStore with sealing at rest (SealedStore over PdoStore, what a Config's encryption_key does): the table holds only "SQZS" records, never the secret; a record moved to another key or read with another key is refused
--SKIPIF--
<?php require __DIR__ . '/pdo_store.inc'; sqz_pdo_skipif_all(); ?>
--FILE--
<?php
require __DIR__ . '/pdo_store.inc';

use SqzGraph\SealedStore;

const KEY = 'c3F6Z3JhcGggdGVzdCBrZXkgLSAzMiBieXRlcyEhIQ==';
const OTHER_KEY = 'b3RoZXIga2V5IGZvciBzcXpncmFwaCB0ZXN0cyEhISE=';
$token = '{"refresh_token":"0.AXoA-secret-refresh-token-' . bin2hex(random_bytes(8)) . '"}';

foreach (SQZ_TEST_DRIVERS as $driver) {
    echo "-- $driver\n";
    [$inner, $pdo, $table] = sqz_pdo_store($driver, 'sealed', [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
    $s = new SealedStore($inner, KEY);
    $s->put('token', $token);
    $s->put('other', 'another record');
    var_dump($s->get('token') === $token);

    $rows = [];
    foreach ($pdo->query("SELECT k, v FROM $table ORDER BY k")->fetchAll(PDO::FETCH_NUM) as [$k, $v]) {
        $rows[is_resource($k) ? stream_get_contents($k) : $k] = is_resource($v) ? stream_get_contents($v) : $v;
    }
    echo 'keys as given: ', json_encode(array_keys($rows)), "\n";
    echo 'sealed: ', var_export(substr($rows['token'], 0, 4) === 'SQZS' && substr($rows['other'], 0, 4) === 'SQZS', true), "\n";
    echo 'secret in the table: ', var_export(str_contains($rows['token'], 'refresh') || str_contains($rows['token'], $token), true), "\n";
    echo 'longer than the secret: ', var_export(strlen($rows['token']) > strlen($token), true), "\n";

    // the sealed bytes of "other" copied under "token": bound to their key
    $inner->put('token', $rows['other']);
    sqz_pdo_try('moved record', fn() => $s->get('token'));
    $inner->put('token', $rows['token']);
    var_dump($s->get('token') === $token);
    sqz_pdo_try('another encryption key', fn() => (new SealedStore($inner, OTHER_KEY))->get('token'));
    $inner->put('plain', 'not sealed');
    sqz_pdo_try('a record from before sealing', fn() => $s->get('plain'));
}
?>
--EXPECT--
-- pgsql
bool(true)
keys as given: ["other","token"]
sealed: true
secret in the table: false
longer than the secret: true
moved record: SqzGraph\StoreException: record 'token' cannot be decrypted: the encryption_key does not match the one it was sealed with (or the record was altered); configure the original encryption_key, or delete the record and authorize again
bool(true)
another encryption key: SqzGraph\StoreException: record 'token' cannot be decrypted: the encryption_key does not match the one it was sealed with (or the record was altered); configure the original encryption_key, or delete the record and authorize again
a record from before sealing: 'not sealed'
-- mysql
bool(true)
keys as given: ["other","token"]
sealed: true
secret in the table: false
longer than the secret: true
moved record: SqzGraph\StoreException: record 'token' cannot be decrypted: the encryption_key does not match the one it was sealed with (or the record was altered); configure the original encryption_key, or delete the record and authorize again
bool(true)
another encryption key: SqzGraph\StoreException: record 'token' cannot be decrypted: the encryption_key does not match the one it was sealed with (or the record was altered); configure the original encryption_key, or delete the record and authorize again
a record from before sealing: 'not sealed'
-- sqlite
bool(true)
keys as given: ["other","token"]
sealed: true
secret in the table: false
longer than the secret: true
moved record: SqzGraph\StoreException: record 'token' cannot be decrypted: the encryption_key does not match the one it was sealed with (or the record was altered); configure the original encryption_key, or delete the record and authorize again
bool(true)
another encryption key: SqzGraph\StoreException: record 'token' cannot be decrypted: the encryption_key does not match the one it was sealed with (or the record was altered); configure the original encryption_key, or delete the record and authorize again
a record from before sealing: 'not sealed'
