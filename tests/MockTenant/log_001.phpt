--TEST--
Request log: method, target, status, client-request-id, Prefer, auth as a short token hash (never the token), host; clear
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
$tok = appToken($t);
$t->clearRequests();
$t->graphGet($tok, '/users/' . rawurlencode(ADMIN) . '/mailFolders/inbox?$select=displayName',
    ['client-request-id: 0f0f0f0f-0000-4000-8000-000000000001', 'Prefer: IdType="ImmutableId"']);
$t->http('GET', $t->graph . '/me');
$t->token(TENANT, ['grant_type' => 'client_credentials', 'client_id' => CLIENT, 'client_secret' => SECRET, 'scope' => 'https://graph.microsoft.com/.default']);
$log = $t->requests();
$e = $log[0];
show('count', count($log));
show('entry', [$e['seq'] > 0, $e['method'], $e['target'], $e['status'], $e['client_request_id'], $e['prefer'], $e['auth'], $e['token_kind'],
    $e['host'] === "127.0.0.1:{$t->port}", $e['ms'] >= 0, (bool) preg_match('/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/', $e['time'])]);
show('token hash', $e['token_hash'] === substr(hash('sha256', $tok), 0, 16));
show('second', [$log[1]['auth'], $log[1]['status']]);
show('token request', [$log[2]['target'], $log[2]['grant_type'], $log[2]['status']]);
$json = json_encode($log);
show('no secrets in log', !str_contains($json, $tok) && !str_contains($json, SECRET));
show('since', count($t->requests($log[1]['seq'])));
$t->clearRequests();
show('cleared', count($t->requests()));
?>
--EXPECT--
count: 3
entry: [true,"GET","/v1.0/users/admin%40contoso.example/mailFolders/inbox?$select=displayName",200,"0f0f0f0f-0000-4000-8000-000000000001","IdType=\"ImmutableId\"","bearer","app",true,true,true]
token hash: true
second: ["none",401]
token request: ["/7d3c1e52-5b7a-4b1f-9a62-2f1a4c0e8b11/oauth2/v2.0/token","client_credentials",200]
no secrets in log: true
since: 1
cleared: 0
