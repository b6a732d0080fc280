--TEST--
sqzgraph authorize: --print-url then --redirect (two steps), interactively with the redirect pasted on stdin, a declined consent, no redirect given
--SKIPIF--
<?php require __DIR__ . '/../Authenticator/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';
$t = MockTenant::start('basic');
$dir = sqz_tmp('cli');
$ini = cli_ini($t, $dir, 'a');
[$auth, $store] = cli_auth($t, $dir, 'a');

echo "--- two steps\n";
[$rc, $out, $err] = cli(['authorize', '--config', $ini, '--print-url']);
$url = trim($out);
echo "print-url: $rc, one line: ", json_encode(!str_contains($url, "\n")), ', stderr: ', json_encode($err), "\n";
$q = sqz_query($url);
echo 'it is the authorize URL: ', json_encode(str_starts_with($url, $t->authority . '/' . TENANT . '/oauth2/v2.0/authorize?')
    && $q['code_challenge_method'] === 'S256' && $q['redirect_uri'] === REDIRECT), "\n";
echo 'pending in the store: ', json_encode($store->get(sqz_pending_key($q['state'])) !== null), "\n";
$redirect = $t->authorizeAuto($url);
[$rc, $out, $err] = cli(['authorize', '--config', $ini, '--redirect', $redirect]);
echo "redirect: $rc\n", cli_norm($out, $dir, $t), 'stderr: ', json_encode($err), "\n";
$r = sqz_record($store);
echo 'expires line = record: ', json_encode(str_contains($out, 'expires: ' . gmdate('Y-m-d\TH:i:s\Z', $r['expires_at']) . ' (in 59 min)')), "\n";
echo 'refresh line = record: ', json_encode(str_contains($out, gmdate('Y-m-d\TH:i:s\Z', $r['last_refresh_at'] + IDLE_LIMIT))), "\n";
echo 'status: ', json_encode([$auth->status()->authorized, $auth->status()->account]), "\n";
[$rc, $out, $err] = cli(['authorize', '--config', $ini, '--redirect', $redirect]);
echo "same redirect again: $rc ", json_encode(str_contains($err, 'unknown or was already completed')), "\n";

echo "--- interactive\n";
$auth->forget();
$p = proc_open(array_merge(sqz_php(), [SQZ_CLI, 'authorize', '--config', $ini]), [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
$shown = '';
$url = null;
while (($line = fgets($pipes[1])) !== false) {
    $shown .= $line;
    if (str_starts_with($line, $t->authority . '/')) {
        $url = trim($line);
    }
    if (str_starts_with($line, 'Then paste')) {
        break;
    }
}
echo cli_norm(preg_replace('/authorize\?\S+/', 'authorize?...', $shown), $dir, $t);
$redirect = $t->authorizeAuto((string) $url);
fwrite($pipes[0], "  $redirect  \n");
fclose($pipes[0]);
$rest = stream_get_contents($pipes[1]);
$err = stream_get_contents($pipes[2]);
fclose($pipes[1]);
fclose($pipes[2]);
echo 'exit: ', proc_close($p), "\n", cli_norm($rest, $dir, $t), 'stderr: ', json_encode($err), "\n";

echo "--- a pasted query string (no URL) works too\n";
[$rc, $out] = cli(['authorize', '--config', $ini, '--print-url']);
$redirect = $t->authorizeAuto(trim($out));
[$rc, $out, $err] = cli(['authorize', '--config', $ini, '--redirect', parse_url($redirect, PHP_URL_QUERY)]);
echo "query only: $rc ", json_encode(str_starts_with($out, 'authorized: admin@contoso.example')), "\n";

echo "--- the redirect on stdin (--redirect -): the code never appears in the process list\n";
[$rc, $out] = cli(['authorize', '--config', $ini, '--print-url']);
$redirect = $t->authorizeAuto(trim($out));
[$rc, $out, $err] = cli(['authorize', '--config', $ini, '--redirect', '-'], "$redirect\n");
echo "stdin: $rc ", json_encode(str_starts_with($out, 'authorized: admin@contoso.example')), ' ', json_encode($err), "\n";
[$rc, $out, $err] = cli(['authorize', '--config', $ini, '--redirect', '-'], '');
echo "stdin empty: $rc ", json_encode(trim($err)), "\n";

echo "--- the user declines\n";
[$rc, $out] = cli(['authorize', '--config', $ini, '--print-url']);
$denied = $t->authorize(trim($out), 'deny')['location'];
[$rc, $out, $err] = cli(['authorize', '--config', $ini, '--redirect', $denied]);
echo "denied: $rc, stdout ", json_encode($out), ', ', json_encode(str_contains($err, 'AADSTS65004') && str_contains($err, 'declined')), "\n";

echo "--- nothing pasted\n";
[$rc, $out, $err] = cli(['authorize', '--config', $ini], '');
echo "empty stdin: $rc, hint: ", json_encode(str_contains($err, "--redirect -\n") && str_contains($err, 'process list')), "\n";

echo "--- client_credentials needs no sign-in\n";
$cc = cli_ini($t, $dir, 'cc', ['flow' => 'client_credentials', 'redirect_uri' => null, 'mailbox' => ADMIN]);
[$rc, $out, $err] = cli(['authorize', '--config', $cc, '--print-url']);
echo "client_credentials: $rc ", json_encode(str_contains($err, 'client_credentials')), "\n";
?>
--EXPECT--
--- two steps
print-url: 0, one line: true, stderr: ""
it is the authorize URL: true
pending in the store: true
redirect: 0
authorized: admin@contoso.example
expires: TIME (in 59 min)
refresh token valid until: TIME unless used (keep refresh-tokens running)
stderr: ""
expires line = record: true
refresh line = record: true
status: [true,"admin@contoso.example"]
same redirect again: 2 true
--- interactive
Open this URL in a browser, sign in and accept (within 10 minutes):

MOCK/7d3c1e52-5b7a-4b1f-9a62-2f1a4c0e8b11/oauth2/v2.0/authorize?...

Then paste the address the browser was sent to (it starts with http://127.0.0.1:8123/api/v2/importers/email/authenticate/end):
exit: 0
authorized: admin@contoso.example
expires: TIME (in 59 min)
refresh token valid until: TIME unless used (keep refresh-tokens running)
stderr: ""
--- a pasted query string (no URL) works too
query only: 0 true
--- the redirect on stdin (--redirect -): the code never appears in the process list
stdin: 0 true ""
stdin empty: 64 "sqzgraph: authorize: --redirect - read no URL from stdin; paste the address the browser was sent to"
--- the user declines
denied: 2, stdout "", true
--- nothing pasted
empty stdin: 2, hint: true
--- client_credentials needs no sign-in
client_credentials: 2 true
