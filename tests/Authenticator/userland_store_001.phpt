--TEST--
A userland Store (PDO SQLite, tests/Store/pdo_sqlite_store.inc) carries the whole delegated flow: pending state, record, refresh under its lock, revocation mark, forget
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
require __DIR__ . '/../Store/pdo_sqlite_store.inc';

/** Records every call the extension makes on the Store. */
final class TracingStore implements SqzGraph\Store
{
    public array $calls = [];
    public function __construct(private SqzGraph\Store $inner) {}
    private function k(string $key): string { return str_starts_with($key, 'pending:') ? 'pending:…' : $key; }
    public function get(string $key): ?string { $this->calls[] = 'get ' . $this->k($key); return $this->inner->get($key); }
    public function put(string $key, #[\SensitiveParameter] string $value): void { $this->calls[] = 'put ' . $this->k($key); $this->inner->put($key, $value); }
    public function delete(string $key): void { $this->calls[] = 'delete ' . $this->k($key); $this->inner->delete($key); }
    public function lock(string $key, float $timeoutSeconds): bool { $this->calls[] = 'lock ' . $this->k($key); return $this->inner->lock($key, $timeoutSeconds); }
    public function unlock(string $key): void { $this->calls[] = 'unlock ' . $this->k($key); $this->inner->unlock($key); }
    /** The calls since the last take(), without the token.status bookkeeping (last error). */
    public function take(): string
    {
        $c = array_filter($this->calls, fn ($x) => !str_ends_with($x, ' token.status'));
        $this->calls = [];
        return implode(', ', $c);
    }
}

$t = MockTenant::start('basic');
$pdo = new PdoSqliteStore(sqz_tmp('pdo'));
$store = new TracingStore($pdo);
$a = new SqzGraph\Authenticator(sqz_config($t), $store);

$b = $a->beginAuthorization();
echo 'begin: ', $store->take(), "\n";
$r = $t->authorize($b['url']);
$info = $a->completeAuthorization($r['query']);
echo 'complete: ', $store->take(), "\n";
show('authorized', [$info->authorized, $info->account]);
show('record in the PDO store', sqz_record($pdo)['account']);

$tok = $a->accessToken();
echo 'fresh accessToken: ', $store->take(), "\n";
sqz_make_stale($pdo);
$t->clearRequests();
$tok2 = $a->accessToken();
echo 'stale accessToken: ', $store->take(), "\n";
show('refreshed', [$tok2 !== $tok, sqz_grants($t)]);

$a->status();
echo 'status: ', $store->take(), "\n";

$t->revokeRefreshTokens(ADMIN);
sqz_make_stale($pdo);
echo sqz_describe(sqz_catch(fn () => $a->accessToken())), "\n";
echo 'revoked: ', $store->take(), "\n";
show('marked in the PDO store', sqz_record($pdo)['needs_reauth']);

$a->forget();
echo 'forget: ', $store->take(), "\n";
show('gone', $pdo->get('token'));
?>
--EXPECT--
begin: put pending:…
complete: get pending:…, delete pending:…, put token
authorized: [true,"admin@contoso.example"]
record in the PDO store: 'admin@contoso.example'
fresh accessToken: get token
stale accessToken: get token, lock token, get token, put token, unlock token
refreshed: [true,"refresh_token"]
status: get token
SqzGraph\ReauthenticationRequiredException reason='invalid_grant' error='invalid_grant' errorCode='AADSTS50173'
revoked: get token, lock token, get token, put token, unlock token
marked in the PDO store: true
forget: delete token
gone: NULL
