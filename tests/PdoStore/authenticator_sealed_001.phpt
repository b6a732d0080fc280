--TEST--
Authenticator over PdoStore with a Config encryption_key, on PostgreSQL, MariaDB and SQLite: the sign-in, the pending authorization and a refresh write only "SQZS" sealed rows (no token, verifier or JSON in the table); another "host" (connection) reads the grant; another key cannot
--SKIPIF--
<?php
require __DIR__ . '/../Authenticator/skipif.inc';
require __DIR__ . '/pdo_store.inc';
sqz_pdo_skipif_all();
?>
--FILE--
<?php
require __DIR__ . '/../Authenticator/common.inc';
require __DIR__ . '/pdo_store.inc';

$t = MockTenant::start('basic');
$key = base64_encode(random_bytes(32));

/** Every v of the table as bytes. */
function raw_values(PDO $pdo, string $table): array
{
    $out = [];
    foreach ($pdo->query("SELECT v FROM $table")->fetchAll(PDO::FETCH_COLUMN) as $v) {
        $out[] = is_resource($v) ? stream_get_contents($v) : $v;
    }
    return $out;
}

foreach (SQZ_TEST_DRIVERS as $driver) {
    echo "-- $driver\n";
    [$store, $pdo, $table] = sqz_pdo_store($driver, 'auth_sealed', [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
    $a = new SqzGraph\Authenticator(sqz_config($t, ['encryption_key' => $key]), $store);
    $b = $a->beginAuthorization();
    $raw = raw_values($pdo, $table);
    echo 'pending: ', count($raw), ' row, sealed: ', var_export(str_starts_with($raw[0], 'SQZS') && !str_contains($raw[0], 'verifier'), true), "\n";
    $r = $t->authorize($b['url']);
    $info = $a->completeAuthorization($r['query']);
    echo 'authorized: ', var_export($info->authorized, true), "\n";
    $token = $a->accessToken();
    $refresh = json_decode((new SqzGraph\SealedStore($store, $key))->get('token'), true)['refresh_token'];
    $t->clearRequests();
    $i = $a->refresh(true);
    echo 'refresh: ', json_encode([$i->authorized, sqz_grants($t)]), "\n";
    $newToken = $a->accessToken();
    $rows = raw_values($pdo, $table);
    $leaks = 0;
    foreach ($rows as $v) {
        // JSON shows by its field names: a 2-byte needle such as '{"' turns up in
        // kilobytes of ciphertext by chance (about 4 % per record)
        foreach ([$token, $newToken, $refresh, 'refresh_token', '"access_token"', '"expires', ADMIN] as $needle) {
            $leaks += str_contains($v, $needle) ? 1 : 0;
        }
    }
    echo 'rows sealed: ', var_export(count($rows) > 0 && count(array_filter($rows, fn($v) => !str_starts_with($v, 'SQZS'))) === 0, true),
        ', secrets in the table: ', $leaks, "\n";
    // another app server: its own connection, the same table and key
    $other = new SqzGraph\Authenticator(sqz_config($t, ['encryption_key' => $key]),
        new SqzGraph\PdoStore(sqz_test_pdo($driver), ['table' => $table]));
    echo 'another host: ', var_export($other->status()->authorized, true), ', same token: ', var_export($other->accessToken() === $newToken, true), "\n";
    $wrong = new SqzGraph\Authenticator(sqz_config($t, ['encryption_key' => base64_encode(random_bytes(32))]),
        new SqzGraph\PdoStore(sqz_test_pdo($driver), ['table' => $table]));
    echo 'another key: ', sqz_describe(sqz_catch(fn() => $wrong->status())), "\n";
}
?>
--EXPECT--
-- pgsql
pending: 1 row, sealed: true
authorized: true
refresh: [true,"refresh_token"]
rows sealed: true, secrets in the table: 0
another host: true, same token: true
another key: SqzGraph\StoreException
-- mysql
pending: 1 row, sealed: true
authorized: true
refresh: [true,"refresh_token"]
rows sealed: true, secrets in the table: 0
another host: true, same token: true
another key: SqzGraph\StoreException
-- sqlite
pending: 1 row, sealed: true
authorized: true
refresh: [true,"refresh_token"]
rows sealed: true, secrets in the table: 0
another host: true, same token: true
another key: SqzGraph\StoreException
