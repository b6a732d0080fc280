--TEST--
Config encryption_key: the token record and the pending authorization are sealed in the Store (no token, verifier or JSON visible); the flow works; another key cannot read them
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
$key = 'a-long-random-encryption-key-for-sqzgraph-tests';
[$a, $store, $config, $dir] = sqz_auth($t, ['encryption_key' => $key]);
$b = $a->beginAuthorization();
$pending = $store->get(sqz_pending_key($b['state']));
show('pending stored', $pending !== null);
show('pending sealed (not JSON)', json_decode((string) $pending) === null && !str_contains((string) $pending, 'verifier'));
$r = $t->authorize($b['url']);
$info = $a->completeAuthorization($r['query']);
show('authorized', $info->authorized);
$raw = $store->get('token');
show('record sealed (not JSON)', json_decode((string) $raw) === null && !str_contains((string) $raw, 'refresh_token'));
$tok = $a->accessToken();
show('no token in the raw bytes', !str_contains((string) $raw, $tok) && !str_contains((string) $raw, 'admin@contoso.example'));
show('no token in any file', !str_contains(implode('', array_map('file_get_contents', array_filter(glob("$dir/*") ?: [], 'is_file'))), $tok));
// a refresh writes a sealed record again
$t->clearRequests();
$i = $a->refresh(true);
show('refresh', [$i->authorized, sqz_grants($t)]);
show('still sealed', json_decode((string) $store->get('token')) === null);
// the same key in another object reads it; another key cannot
$same = new SqzGraph\Authenticator(sqz_config($t, ['encryption_key' => $key]), new SqzGraph\FileStore($dir));
show('same key', $same->status()->authorized);
$other = new SqzGraph\Authenticator(sqz_config($t, ['encryption_key' => 'another-key-of-enough-length-123']), new SqzGraph\FileStore($dir));
echo 'other key status(): ', sqz_describe(sqz_catch(fn () => $other->status())), "\n";
echo 'other key accessToken(): ', sqz_describe(sqz_catch(fn () => $other->accessToken())), "\n";
$plain = new SqzGraph\Authenticator(sqz_config($t), new SqzGraph\FileStore($dir));
echo 'no key: ', sqz_describe(sqz_catch(fn () => $plain->status())), "\n";
show('record untouched by the failed reads', $a->status()->authorized);
?>
--EXPECT--
pending stored: true
pending sealed (not JSON): true
authorized: true
record sealed (not JSON): true
no token in the raw bytes: true
no token in any file: true
refresh: [true,"refresh_token"]
still sealed: true
same key: true
other key status(): SqzGraph\StoreException
other key accessToken(): SqzGraph\StoreException
no key: SqzGraph\StoreException
record untouched by the failed reads: true
