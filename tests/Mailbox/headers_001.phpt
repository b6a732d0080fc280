--TEST--
Mailbox: every Graph request (and batch member) carries Prefer ImmutableId, a fresh client-request-id and the User-Agent; the bearer token goes only to graph_endpoint's origin
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('basic');
$t->addMessage(ADMIN, ['subject' => 'With file', 'attachments' => [['name' => 'a.pdf', 'content_type' => 'application/pdf', 'size' => 900]]]);
// The authority on another origin (localhost) than Graph (127.0.0.1): same server, told apart by the Host header.
// Bare scopes: the mock checks a resource prefix against the origin it is called on.
$m = mb_mailbox($t, ['authority' => "http://localhost:{$t->port}",
    'scopes' => ['openid', 'profile', 'offline_access', 'Mail.ReadWrite']]);
$m->folders();
$inbox = $m->resolveFolder('inbox');
$ids = [];
foreach ($m->messages($inbox->id, ['page_size' => 2]) as $msg) {
    $ids[] = $msg->id;
}
$m->message($ids[0]);
$m->saveMime($ids[0], fopen('php://memory', 'w+'));
$last = $m->message(end($ids));
foreach ($last->attachments() as $a) {
    $a->save(fopen('php://memory', 'w+'));
}
$m->move($ids[0], 'inbox');
$m->moveMany([$ids[1], $ids[2]], 'inbox');
$m->testConnection();
$t->expireAccessTokens();          // forces a refresh against the authority, then a retry
$m->message($ids[0]);

$graphOrigin = "127.0.0.1:{$t->port}";
$all = $t->requests();
$graph = array_values(array_filter($all, fn ($r) => str_starts_with($r['target'], '/v1.0/')));
$members = array_merge(...array_map(fn ($r) => $r['members'], $graph));
$idp = array_values(array_filter($all, fn ($r) => !str_starts_with($r['target'], '/v1.0/')));
$both = array_merge($graph, $members);
show('graph requests > 20', count($graph) > 20);
show('batch members', count($members));
show('prefer', array_values(array_unique(array_column($both, 'prefer'))));
$agents = array_values(array_unique(array_column(array_merge($graph, array_values(array_filter($idp,
    fn ($r) => $r['method'] === 'POST'))), 'user_agent')));
show('User-Agent: sqzgraph/<version> on every request (Graph and token)', $agents === ['sqzgraph/' . phpversion('sqzgraph')] ? true : $agents);
show('version', (bool) preg_match('/^\d+\.\d+\.\d+/', phpversion('sqzgraph')));
$crids = array_column($graph, 'client_request_id');
show('client-request-id: a v4 GUID each', count(preg_grep('/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/', $crids)) === count($graph));
show('client-request-id: all distinct', count(array_unique($crids)) === count($crids));
show('graph: bearer, graph origin', array_values(array_unique(array_map(fn ($r) => $r['auth'] . ' ' . ($r['host'] === $graphOrigin ? 'graph' : $r['host']), $graph))));
show('401 then refresh then retry', array_map(fn ($r) => $r['status'] . ' ' . ($r['grant_type'] ?? 'graph'), array_slice($all, -3)));
show('identity platform: never a bearer, authority origin', array_values(array_unique(array_map(
    fn ($r) => $r['auth'] . ' ' . ($r['host'] === "localhost:{$t->port}" ? 'authority' : $r['host']), $idp))));
?>
--EXPECT--
graph requests > 20: true
batch members: 2
prefer: ["IdType=\"ImmutableId\""]
User-Agent: sqzgraph/<version> on every request (Graph and token): true
version: true
client-request-id: a v4 GUID each: true
client-request-id: all distinct: true
graph: bearer, graph origin: ["bearer graph"]
401 then refresh then retry: ["401 graph","200 refresh_token","200 graph"]
identity platform: never a bearer, authority origin: ["none authority"]
