--TEST--
sqzgraph refresh-tokens: one line per mailbox (refreshed / valid / reauthorize / transient / error); exit 0, 1 on transient failures, 2 when one needs re-authorization (2 wins); --config-dir; one store_dir for two configs is refused
--SKIPIF--
<?php require __DIR__ . '/../Authenticator/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';
$t = MockTenant::start('basic');
$dir = sqz_tmp('cli');
mkdir("$dir/conf.d");
// C is signed in first and then revoked; A and B sign in after the revocation and stay valid
$files = [];
$stores = [];
foreach (['c', 'a', 'b'] as $n) {
    $files[$n] = cli_ini($t, "$dir/conf.d", $n);
    [$auth, $stores[$n]] = cli_auth($t, "$dir/conf.d", $n);
    sqz_sign_in($auth, $t);
    if ($n === 'c') {
        $t->revokeRefreshTokens(ADMIN);
        usleep(20000);
    }
}
sqz_make_stale($stores['b']);
sqz_make_stale($stores['c']);
$bytesC = $stores['c']->get('token');

$run = function (array $args) use ($t, $dir): string {
    $t->clearRequests();
    [$rc, $out, $err] = cli(array_merge(['refresh-tokens'], $args));
    echo 'exit ', $rc, "\n", cli_norm($out, $dir, $t);
    if ($err !== '') {
        echo 'stderr: ', trim(cli_norm($err, $dir, $t)), "\n";
    }
    echo 'token requests: ', sqz_grants($t), "\n";
    return $out;
};

echo "--- A valid, B stale, C revoked\n";
$out = $run(['--config', $files['a'], '--config', $files['b'], '--config', $files['c']]);
$z = fn (int $e) => gmdate('Y-m-d\TH:i:s\Z', $e);
echo 'A line names its expiry: ', json_encode(str_contains($out, "a.ini: valid (expires {$z(sqz_record($stores['a'])['expires_at'])})\n")), "\n";
echo 'B line names its new expiry: ', json_encode(str_contains($out, "b.ini: refreshed (expires {$z(sqz_record($stores['b'])['expires_at'])})\n")), "\n";
echo 'C marked: ', json_encode(sqz_record($stores['c'])['needs_reauth']), "\n";

echo "--- again: B is valid now, C is known to need a sign-in (no request)\n";
$run(['--config-dir', "$dir/conf.d"]);

echo "--- A valid, B with a transient failure of the token endpoint\n";
sqz_make_stale($stores['b']);
$bytesB = $stores['b']->get('token');
$t->fault(['method' => 'POST', 'path' => '/oauth2/v2.0/token', 'status' => 503, 'retry_after' => '0']);
$run(['--config', $files['a'], '--config', $files['b']]);
echo 'B untouched: ', json_encode($stores['b']->get('token') === $bytesB), "\n";
echo "--- the same plus C: 2 wins over 1\n";
$run(['--config', $files['a'], '--config', $files['b'], '--config', $files['c']]);
$t->clearFaults();

echo "--- the connection drops\n";
$t->clearFaults();
$t->fault(['method' => 'POST', 'path' => '/oauth2/v2.0/token', 'action' => 'drop']);
$run(['--config', $files['b']]);
echo 'B untouched: ', json_encode($stores['b']->get('token') === $bytesB), "\n";
$t->clearFaults();

echo "--- the fault is gone: all fine but C\n";
$run(['--config', $files['a'], '--config', $files['b']]);

echo "--- a broken INI and a wrong secret are errors for a human\n";
file_put_contents("$dir/broken.ini", "[sqzgraph]\nflow = delegated\nstore_dir = x\ntenantid = " . TENANT . "\n");
$wrong = cli_ini($t, $dir, 'wrong', ['client_secret' => 'Sq~wrong', 'store_dir' => 'conf.d/store-a']);
sqz_make_stale($stores['a']);
$run(['--config', "$dir/broken.ini", '--config', $wrong]);

echo "--- two configs with one store_dir\n";
$twin = cli_ini($t, $dir, 'twin', ['store_dir' => 'conf.d/store-a/']);
$run(['--config', $files['a'], '--config', $twin]);
echo "--- the same file twice is one mailbox\n";
$run(['--config', $files['a'], '--config', $files['a']]);

echo "--- nothing in the directory\n";
mkdir("$dir/empty");
$run(['--config-dir', "$dir/empty"]);
?>
--EXPECTF--
--- A valid, B stale, C revoked
exit 2
DIR/conf.d/a.ini: valid (expires TIME)
DIR/conf.d/b.ini: refreshed (expires TIME)
DIR/conf.d/c.ini: reauthorize: AADSTS50173 refreshing the access token for application 3f5a9c2e-8b1d-4e7f-a6c3-1d2e3f4a5b6c failed: AADSTS50173%sThe provided grant has expired due to it being revoked%s: authorize again; run `sqzgraph authorize --config DIR/conf.d/c.ini`
token requests: refresh_token,refresh_token
A line names its expiry: true
B line names its new expiry: true
C marked: true
--- again: B is valid now, C is known to need a sign-in (no request)
exit 2
DIR/conf.d/a.ini: valid (expires TIME)
DIR/conf.d/b.ini: valid (expires TIME)
DIR/conf.d/c.ini: reauthorize: AADSTS50173 3f5a9c2e-8b1d-4e7f-a6c3-1d2e3f4a5b6c: AADSTS50173 — the grant was revoked (password reset or sessions revoked): authorize again; run `sqzgraph authorize --config DIR/conf.d/c.ini`
token requests: 
--- A valid, B with a transient failure of the token endpoint
exit 1
DIR/conf.d/a.ini: valid (expires TIME)
DIR/conf.d/b.ini: transient: %s
token requests: refresh_token
B untouched: true
--- the same plus C: 2 wins over 1
exit 2
DIR/conf.d/a.ini: valid (expires TIME)
DIR/conf.d/b.ini: transient: %s
DIR/conf.d/c.ini: reauthorize: AADSTS50173 %s
token requests: refresh_token
--- the connection drops
exit 1
DIR/conf.d/b.ini: transient: %s
token requests: refresh_token
B untouched: true
--- the fault is gone: all fine but C
exit 0
DIR/conf.d/a.ini: valid (expires TIME)
DIR/conf.d/b.ini: refreshed (expires TIME)
token requests: refresh_token
--- a broken INI and a wrong secret are errors for a human
exit 2
DIR/broken.ini: error: %s'tenantid'%s
DIR/wrong.ini: error: %sAADSTS7000215%s
token requests: refresh_token
--- two configs with one store_dir
exit 2
stderr: sqzgraph: refresh-tokens: DIR/conf.d/a.ini and DIR/twin.ini use the same store_dir DIR/conf.d/store-a; each mailbox needs a store_dir of its own (they would share one token record)
token requests: 
--- the same file twice is one mailbox
exit 0
DIR/conf.d/a.ini: refreshed (expires TIME)
token requests: refresh_token
--- nothing in the directory
exit 64
stderr: sqzgraph: refresh-tokens: no *.ini file in DIR/empty
token requests: 
