--TEST--
sqzgraph status: every TokenInfo field, times in UTC ISO 8601 whatever TZ and date.timezone say; exit 0 authorized, 2 when a sign-in is needed
--SKIPIF--
<?php require __DIR__ . '/../Authenticator/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';
$t = MockTenant::start('basic');
$dir = sqz_tmp('cli');
$ini = cli_ini($t, $dir, 'a', ['client_secret_expires' => gmdate('Y-m-d', time() + 10 * 86400)]);
[$auth, $store] = cli_auth($t, $dir, 'a', ['client_secret_expires' => gmdate('Y-m-d', time() + 10 * 86400)]);
sqz_sign_in($auth, $t);
$r = sqz_record($store);

$outs = [];
foreach ([[['date.timezone' => 'UTC'], []], [['date.timezone' => 'Asia/Tokyo'], ['TZ' => 'America/Los_Angeles']],
    [['date.timezone' => 'Pacific/Kiritimati'], ['TZ' => 'Pacific/Kiritimati']]] as [$iniSettings, $env]) {
    [$rc, $out, $err] = cli(['status', '--config', $ini], null, $env, $iniSettings);
    // the runs may be a second apart: compare without "now" and the "(… ago)" / "(in …)" parts
    $outs[] = preg_replace(['/^now: .*$/m', '/ \(((in )?\d+ (s|min|h|days)( ago)?|now)\)/'], ['', ' (REL)'], $out);
    $raw[] = $out;
    $codes[] = $rc;
}
echo 'exit codes: ', json_encode($codes), "\n";
echo 'same output in every zone: ', json_encode(count(array_unique($outs)) === 1), "\n";
$out = $raw[0];
$z = fn (int $e) => gmdate('Y-m-d\TH:i:s\Z', $e);
echo 'expires at = record: ', json_encode(str_contains($out, 'expires at:               ' . $z($r['expires_at']) . ' (in ')), "\n";
echo 'obtained at = record: ', json_encode(str_contains($out, 'obtained at:              ' . $z($r['obtained_at']))), "\n";
echo 'refresh token expires at: ', json_encode(str_contains($out, $z($r['last_refresh_at'] + IDLE_LIMIT) . ' (in 89 days)')
    || str_contains($out, $z($r['last_refresh_at'] + IDLE_LIMIT) . ' (in 90 days)')), "\n";
echo 'no local offsets: ', json_encode(!preg_match('/[+-]\d\d:\d\d\b|\b(CET|PST|PDT|JST)\b/', $out)), "\n";
$secretDate = gmdate('Y-m-d', time() + 10 * 86400);
echo 'warning names the UTC date: ', json_encode(str_contains($out, "($secretDate)")), "\n";
echo 'expires in 59 min: ', json_encode(str_contains($out, ' (in 59 min)')), "\n";
echo preg_replace('/ \(((in )?\d+ (s|min|h|days)( ago)?|now)\)/', ' (REL)', str_replace("($secretDate)", '(DATE)', cli_norm($out, $dir, $t)));

// a revoked grant: marked after a failed refresh
$t->revokeRefreshTokens(ADMIN);
sqz_make_stale($store);
try { $auth->accessToken(); } catch (SqzGraph\ReauthenticationRequiredException) {}
[$rc, $out] = cli(['status', '--config', $ini]);
echo "--- revoked: exit $rc\n";
foreach (explode("\n", $out) as $line) {
    if (preg_match('/^(authorized|needs reauthorization|reason|error code):/', $line)) {
        echo $line, "\n";
    }
}
echo 'last error shown: ', json_encode(str_contains($out, 'last error:               refreshing the access token')), "\n";

// client credentials, nothing acquired yet: not an error
$cc = cli_ini($t, $dir, 'cc', ['flow' => 'client_credentials', 'redirect_uri' => null, 'mailbox' => ADMIN]);
[$rc, $out] = cli(['status', '--config', $cc]);
echo "--- client_credentials: exit $rc, ", json_encode(str_contains($out, "needs reauthorization:    no\n")), "\n";
echo 'no request sent by status: ', json_encode(count(array_filter($t->requests(), fn ($e) => $e['grant_type'] === 'client_credentials')) === 0), "\n";
?>
--EXPECT--
exit codes: [0,0,0]
same output in every zone: true
expires at = record: true
obtained at = record: true
refresh token expires at: true
no local offsets: true
warning names the UTC date: true
expires in 59 min: true
config:                   DIR/a.ini
store:                    DIR/store-a
flow:                     delegated
authorized:               yes
needs reauthorization:    no
reason:                   -
error code:               -
account:                  admin@contoso.example
scopes:                   MOCK/Mail.ReadWrite openid profile offline_access
expires at:               TIME (REL)
obtained at:              TIME (REL)
last refresh at:          TIME (REL)
refresh token expires at: TIME (REL)
last error:               -
now:                      TIME
warning:                  the client secret expires in 10 days (DATE): create a new secret in the app registration and update client_secret
--- revoked: exit 2
authorized:               no
needs reauthorization:    yes
reason:                   invalid_grant
error code:               AADSTS50173
last error shown: true
--- client_credentials: exit 0, true
no request sent by status: true
