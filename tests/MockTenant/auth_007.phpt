--TEST--
Refresh tokens, strict rotation (settings refresh_token_reuse = refuse): a redeemed refresh token is refused with invalid_grant AADSTS70000; the scale seed; folder counts
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
$refresh = fn (string $rt) => $t->token(TENANT, ['grant_type' => 'refresh_token', 'client_id' => CLIENT,
    'client_secret' => SECRET, 'refresh_token' => $rt]);
$first = $t->delegatedToken(TENANT, CLIENT, SECRET, ADMIN);
// the default: Microsoft's behaviour, a used refresh token stays valid
$a = $refresh($first['refresh_token']);
show('default, first use', $a['status']);
show('default, second use', $refresh($first['refresh_token'])['status']);

$t->settings(['refresh_token_reuse' => 'refuse']);
// redeemed before the switch: refused now as well
$old = $refresh($first['refresh_token']);
show('redeemed before the switch', [$old['status'], aadsts($old)]);
$b = $refresh($a['json']['refresh_token']);
show('unused one', [$b['status'], strlen($b['json']['refresh_token']) > 100, $b['json']['refresh_token'] !== $a['json']['refresh_token']]);
$again = $refresh($a['json']['refresh_token']);
show('second use', [$again['status'], aadsts($again), $again['headers']['content-type'], $again['headers']['cache-control']]);
$j = $again['json'];
show('body keys', array_keys($j));
echo $j['error_description'], "\n";
show('error_uri', preg_replace('/:\d+/', ':PORT', $j['error_uri']));
show('trace/correlation in the description', str_contains($j['error_description'], "Trace ID: {$j['trace_id']}\r\nCorrelation ID: {$j['correlation_id']}\r\nTimestamp: {$j['timestamp']}"));
show('the rotated one goes on', $refresh($b['json']['refresh_token'])['status']);
// a refused reuse does not hurt the current token; an unknown one keeps its own code
show('unknown', aadsts($refresh('not-a-token')));
$code = $t->delegatedToken(TENANT, CLIENT, SECRET, ADMIN);
show('fresh sign-in, first use', $refresh($code['refresh_token'])['status']);

// back to the default: the refused ones work again (they were never revoked)
$t->settings(['refresh_token_reuse' => 'allow']);
show('allow again', $refresh($a['json']['refresh_token'])['status']);
$t->settings(['refresh_token_reuse' => null]);
show('removed = default', $refresh($a['json']['refresh_token'])['status']);
try {
    $t->settings(['refresh_token_reuse' => 'sometimes']);
} catch (RuntimeException $e) {
    echo $e->getMessage(), "\n";
}

// the scale seed: 50 shared mailboxes and 2 delegated users under one application
$info = $t->seed('scale');
$users = $info['tenants'][0]['users'];
show('scale', [count($users), $users[0]['upn'], $users[49]['upn'], $users[50]['upn'], $users[51]['upn'], array_sum(array_column($users, 'messages'))]);
$app = $t->clientCredentialsToken('tailspin.example', '5ca1e000-0000-4000-8000-0000000a0001', 'Scale~secret-1.Tailspin');
$f = $t->graphGet($app, '/users/shared37@tailspin.example/mailFolders?$select=displayName,totalItemCount&$top=50');
show('shared37 folders', array_map(fn ($x) => $x['displayName'] . ':' . $x['totalItemCount'],
    array_values(array_filter($f['json']['value'], fn ($x) => in_array($x['displayName'], ['Inbox', 'Exported', 'Error'], true)))));
// the control API's cheap view: counts instead of message lists
$c = $t->control('GET', 'folders/shared37@tailspin.example?counts=1');
show('counts', array_map(fn ($x) => $x['path'] . ':' . $x['count'] . ':' . (int) isset($x['messages']),
    array_values(array_filter($c['folders'], fn ($x) => in_array($x['path'], ['Inbox', 'Exported', 'Error'], true)))));
?>
--EXPECTF--
default, first use: 200
default, second use: 200
redeemed before the switch: [400,"invalid_grant 70000 -"]
unused one: [200,true,true]
second use: [400,"invalid_grant 70000 -","application/json; charset=utf-8","no-store, no-cache"]
body keys: ["error","error_description","error_codes","timestamp","trace_id","correlation_id","error_uri"]
AADSTS70000: Provided grant is invalid or malformed. The refresh token was already redeemed on %d-%d-%dT%d:%d:%d.0000000Z.
Trace ID: %x-%x-%x-%x-%x
Correlation ID: %s
Timestamp: %d-%d-%d %d:%d:%dZ
error_uri: 'http://127.0.0.1:PORT/error?code=70000'
trace/correlation in the description: true
the rotated one goes on: 200
unknown: 'invalid_grant 9002313 -'
fresh sign-in, first use: 200
allow again: 200
removed = default: 200
%s400%s"refresh_token_reuse: 'allow' (Microsoft's behaviour, the default) or 'refuse'"}
scale: [52,"shared01@tailspin.example","shared50@tailspin.example","dana@tailspin.example","eli@tailspin.example",520]
shared37 folders: ["Error:0","Exported:0","Inbox:10"]
counts: ["Inbox:10:0","Exported:0:0","Error:0:0"]
