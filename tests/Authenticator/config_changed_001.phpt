--TEST--
A record written under another Config::fingerprint(): tenant, client id, redirect URI, scopes, mailbox, endpoints → configuration_changed; secret rotation, folders, timeouts, retries, concurrency, logger → still authorized
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
$t->updateApp(CLIENT, ['secrets' => [['value' => SECRET, 'expires' => 4102444800], ['value' => 'Sq~rotated-secret-2.Contoso', 'expires' => 4102444800]]]);
[$a, $store, $config, $dir] = sqz_auth($t);
sqz_sign_in($a, $t);
$bytes = $store->get('token');
$tok = $a->accessToken();

$changed = [
    'tenant_id (domain instead of GUID)' => ['tenant_id' => TENANT_DOMAIN],
    'client_id' => ['client_id' => PUBLIC_CLIENT],
    'redirect_uri' => ['redirect_uri' => REDIRECT_LOCALHOST],
    'scopes' => ['scopes' => ['openid', 'profile', 'offline_access', $t->baseUrl . '/Mail.Read']],
    'mailbox' => ['mailbox' => ADMIN],
    'graph_endpoint' => ['graph_endpoint' => 'http://localhost:' . $t->port . '/v1.0'],
    'authority' => ['authority' => 'http://localhost:' . $t->port],
];
foreach ($changed as $label => $override) {
    $b = new SqzGraph\Authenticator(sqz_config($t, $override), new SqzGraph\FileStore($dir));
    $t->clearRequests();
    $s = $b->status();
    $e = sqz_catch(fn () => $b->accessToken());
    printf("%-36s status %s, accessToken: %s, requests %d\n", $label,
        json_encode([$s->authorized, $s->needsReauthorization, $s->reason]), sqz_describe($e), count($t->requests()));
    if ($e && !str_contains($e->getMessage(), 'Authenticate')) {
        echo "  message does not say what to do: {$e->getMessage()}\n";
    }
}
show('record untouched', $store->get('token') === $bytes);
show('the original Config still works', $a->accessToken() === $tok);

$same = [
    'client_secret (rotation)' => ['client_secret' => 'Sq~rotated-secret-2.Contoso'],
    'client_secret_expires' => ['client_secret_expires' => '2099-01-01'],
    'folders' => ['folders' => ['inbox' => 'Inbox/Invoices', 'exported' => 'Done', 'error' => 'Failed']],
    'timeouts' => ['timeout' => 7, 'connect_timeout' => 3],
    'retries' => ['max_retries' => 9, 'max_retry_wait' => 10],
    'concurrency' => ['concurrency' => 1],
    'logger' => ['logger' => fn () => null],
    'tenant_id in upper case' => ['tenant_id' => strtoupper(TENANT)],
    'authority with a trailing slash' => ['authority' => $t->authority . '/'],
];
foreach ($same as $label => $override) {
    $b = new SqzGraph\Authenticator(sqz_config($t, $override), new SqzGraph\FileStore($dir));
    $t->clearRequests();
    $s = $b->status();
    $e = sqz_catch(fn () => $b->accessToken() === $tok ?: throw new RuntimeException('another token'));
    printf("%-36s status %s, accessToken: %s, requests %d\n", $label, json_encode([$s->authorized, $s->needsReauthorization, $s->reason]),
        $e === null ? 'same token' : sqz_describe($e), count($t->requests()));
}

// the rotated secret refreshes the grant made with the old one
sqz_make_stale($store);
$b = new SqzGraph\Authenticator(sqz_config($t, ['client_secret' => 'Sq~rotated-secret-2.Contoso']), new SqzGraph\FileStore($dir));
$t->clearRequests();
$b->accessToken();
show('refresh with the rotated secret', sqz_grants($t));

// after signing in under the new configuration the old one is the changed one
$n = new SqzGraph\Authenticator(sqz_config($t, ['mailbox' => ADMIN]), new SqzGraph\FileStore($dir));
show('new sign-in', sqz_sign_in($n, $t)->authorized);
show('old Config now', $a->status()->reason);
?>
--EXPECT--
tenant_id (domain instead of GUID)   status [false,true,"configuration_changed"], accessToken: SqzGraph\ReauthenticationRequiredException reason='configuration_changed' error=NULL errorCode=NULL, requests 0
client_id                            status [false,true,"configuration_changed"], accessToken: SqzGraph\ReauthenticationRequiredException reason='configuration_changed' error=NULL errorCode=NULL, requests 0
redirect_uri                         status [false,true,"configuration_changed"], accessToken: SqzGraph\ReauthenticationRequiredException reason='configuration_changed' error=NULL errorCode=NULL, requests 0
scopes                               status [false,true,"configuration_changed"], accessToken: SqzGraph\ReauthenticationRequiredException reason='configuration_changed' error=NULL errorCode=NULL, requests 0
mailbox                              status [false,true,"configuration_changed"], accessToken: SqzGraph\ReauthenticationRequiredException reason='configuration_changed' error=NULL errorCode=NULL, requests 0
graph_endpoint                       status [false,true,"configuration_changed"], accessToken: SqzGraph\ReauthenticationRequiredException reason='configuration_changed' error=NULL errorCode=NULL, requests 0
authority                            status [false,true,"configuration_changed"], accessToken: SqzGraph\ReauthenticationRequiredException reason='configuration_changed' error=NULL errorCode=NULL, requests 0
record untouched: true
the original Config still works: true
client_secret (rotation)             status [true,false,null], accessToken: same token, requests 0
client_secret_expires                status [true,false,null], accessToken: same token, requests 0
folders                              status [true,false,null], accessToken: same token, requests 0
timeouts                             status [true,false,null], accessToken: same token, requests 0
retries                              status [true,false,null], accessToken: same token, requests 0
concurrency                          status [true,false,null], accessToken: same token, requests 0
logger                               status [true,false,null], accessToken: same token, requests 0
tenant_id in upper case              status [true,false,null], accessToken: same token, requests 0
authority with a trailing slash      status [true,false,null], accessToken: same token, requests 0
refresh with the rotated secret: 'refresh_token'
new sign-in: true
old Config now: 'configuration_changed'
