--TEST--
Graph authentication and access: 401 shapes, /me with app token, unknown user, roles, shares, MailboxNotEnabledForRESTAPI, headers
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('shared');
$tid = 'f4e5d6c7-1111-4222-8333-944455566677';
$app = $t->clientCredentialsToken($tid, '9b8c7d6e-5f4a-4b3c-8d2e-1f0a9b8c7d6e', 'Daemon~secret-1.Fabrikam');
$ro = $t->clientCredentialsToken($tid, '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', 'ReadOnly~secret.Fabrikam');
$none = $t->clientCredentialsToken($tid, '0f0e0d0c-0b0a-4908-8706-050403020100', 'NoRoles~secret.Fabrikam');
$code = fn (array $r) => $r['status'] . ' ' . ($r['json']['error']['code'] ?? '-');

$r = $t->http('GET', $t->graph . '/users/invoices@fabrikam.example/mailFolders');
show('no token', [$code($r), $r['json']['error']['message'], $r['headers']['www-authenticate']
    === 'Bearer realm="", authorization_uri="' . $t->baseUrl . '/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"']);
show('inner error', array_keys($r['json']['error']['innerError']));
show('inner date', (bool) preg_match('/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/', $r['json']['error']['innerError']['date']));
$r = $t->graphGet('garbage', '/users/invoices@fabrikam.example/mailFolders');
show('not a JWT', [$code($r), substr($r['json']['error']['message'], 0, 36)]);
$r = $t->graphGet($app, '/users/invoices@fabrikam.example/mailFolders', ['client-request-id: 11111111-2222-4333-8444-555555555555']);
show('app token ok', [$r['status'], $r['headers']['client-request-id'], (bool) preg_match('/^[0-9a-f-]{36}$/', $r['headers']['request-id'])]);
show('content-type', $r['headers']['content-type']);
show('date', abs(strtotime($r['headers']['date']) - time()) <= 2);
show('/me with app token', [$code($r = $t->graphGet($app, '/me/messages')), $r['json']['error']['message']]);
show('unknown user', $code($t->graphGet($app, '/users/ghost@fabrikam.example/messages')));
show('no roles', [$code($r = $t->graphGet($none, '/users/invoices@fabrikam.example/messages')), $r['json']['error']['message']]);
show('read-only GET', $t->graphGet($ro, '/users/invoices@fabrikam.example/messages')['status']);
$first = $t->graphGet($ro, '/users/invoices@fabrikam.example/messages?$top=1')['json']['value'][0]['id'];
$p = $t->http('PATCH', $t->graph . '/users/invoices@fabrikam.example/messages/' . rawurlencode($first),
    ["Authorization: Bearer $ro", 'Content-Type: application/json'], '{"isRead":true}');
show('read-only PATCH', $code($p));
$nm = $t->graphGet($app, '/users/nomailbox@fabrikam.example/mailFolders');
show('no mailbox', [$code($nm), $nm['json']['error']['message']]);
$t->control('POST', 'mailbox', ['user' => 'nomailbox@fabrikam.example', 'mailbox' => 'not_enabled', 'status' => 401]);
show('no mailbox as 401', $code($t->graphGet($app, '/users/nomailbox@fabrikam.example/mailFolders')));
show('user by id, UPN any case', [$t->graphGet($app, '/users/b0000000-0000-4000-8000-000000001a1c/mailFolders')['status'],
    $t->graphGet($app, '/users/INVOICES%40Fabrikam.example/mailFolders')['status']]);
// Delegated: own mailbox, shared mailbox (share + .Shared scope), someone else's (403).
$alice = $t->delegatedToken($tid, '9b8c7d6e-5f4a-4b3c-8d2e-1f0a9b8c7d6e', 'Daemon~secret-1.Fabrikam', 'alice@fabrikam.example',
    'offline_access Mail.ReadWrite Mail.ReadWrite.Shared')['access_token'];
show('alice /me', $t->graphGet($alice, '/me/messages')['status']);
show('alice shared', $t->graphGet($alice, '/users/invoices@fabrikam.example/messages')['status']);
show('alice -> bob', $code($t->graphGet($alice, '/users/bob@fabrikam.example/messages')));
$plain = $t->delegatedToken($tid, '9b8c7d6e-5f4a-4b3c-8d2e-1f0a9b8c7d6e', 'Daemon~secret-1.Fabrikam', 'alice@fabrikam.example',
    'offline_access Mail.ReadWrite')['access_token'];
show('shared without .Shared scope', $code($t->graphGet($plain, '/users/invoices@fabrikam.example/messages')));
// Expiry: by the control API, and by the tenant's clock.
$t->setClockOffset(3600);
$r = $t->graphGet($app, '/users/invoices@fabrikam.example/mailFolders');
show('clock +1h', [$code($r), $r['json']['error']['message'], abs(strtotime($r['headers']['date']) - time() - 3600) <= 2]);
$t->setClockOffset(0);
$t->expireAccessTokens(['client_id' => '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d']);
show('expired by control', [$code($t->graphGet($ro, '/users/invoices@fabrikam.example/messages')),
    $t->graphGet($app, '/users/invoices@fabrikam.example/messages')['status']]);
show('unknown segment', [$code($r = $t->graphGet($app, '/users/invoices@fabrikam.example/calendars')), $r['json']['error']['message']]);
?>
--EXPECT--
no token: ["401 InvalidAuthenticationToken","Access token is empty.",true]
inner error: ["date","request-id","client-request-id"]
inner date: true
not a JWT: ["401 InvalidAuthenticationToken","IDX14100: JWT is not well formed, th"]
app token ok: [200,"11111111-2222-4333-8444-555555555555",true]
content-type: 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8'
date: true
/me with app token: ["400 BadRequest","/me request is only valid with delegated authentication flow."]
unknown user: '404 ErrorInvalidUser'
no roles: ["403 ErrorAccessDenied","Access is denied. Check credentials and try again."]
read-only GET: 200
read-only PATCH: '403 ErrorAccessDenied'
no mailbox: ["404 MailboxNotEnabledForRESTAPI","The mailbox is either inactive, soft-deleted, or is hosted on-premise."]
no mailbox as 401: '401 MailboxNotEnabledForRESTAPI'
user by id, UPN any case: [200,200]
alice /me: 200
alice shared: 200
alice -> bob: '403 ErrorAccessDenied'
shared without .Shared scope: '403 ErrorAccessDenied'
clock +1h: ["401 InvalidAuthenticationToken","Access token has expired or is not yet valid.",true]
expired by control: ["401 InvalidAuthenticationToken",200]
unknown segment: ["400 BadRequest","Resource not found for the segment 'calendars'."]
