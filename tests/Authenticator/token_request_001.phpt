--TEST--
What the token requests carry (from the mock's request log): authorization_code with code_verifier, redirect_uri and scope; refresh_token with scope; client secret in the form; nothing else
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
[$a, $store] = sqz_auth($t, ['mailbox' => ADMIN]);
sqz_sign_in($a, $t);
sqz_make_stale($store);
$a->accessToken();
foreach (sqz_token_requests($t) as $e) {
    $d = $e['token_request'];
    echo $e['grant_type'], ":\n";
    show('  params', $d['params']);
    show('  client_auth', $d['client_auth']);
    show('  client_id', $d['client_id']);
    show('  scope', str_replace($t->baseUrl, '{graph}', (string) $d['scope']));
    show('  redirect_uri', $d['redirect_uri']);
    show('  status', $e['status']);
    show('  user agent', (bool) preg_match('~^sqzgraph/\d+\.\d+~', (string) $e['user_agent']));
}
?>
--EXPECT--
authorization_code:
  params: ["client_id","client_secret","code","code_verifier","grant_type","redirect_uri","scope"]
  client_auth: 'client_secret'
  client_id: '3f5a9c2e-8b1d-4e7f-a6c3-1d2e3f4a5b6c'
  scope: 'openid profile offline_access {graph}/Mail.ReadWrite {graph}/Mail.ReadWrite.Shared'
  redirect_uri: 'http://127.0.0.1:8123/api/v2/importers/email/authenticate/end'
  status: 200
  user agent: true
refresh_token:
  params: ["client_id","client_secret","grant_type","refresh_token","scope"]
  client_auth: 'client_secret'
  client_id: '3f5a9c2e-8b1d-4e7f-a6c3-1d2e3f4a5b6c'
  scope: 'openid profile offline_access {graph}/Mail.ReadWrite {graph}/Mail.ReadWrite.Shared'
  redirect_uri: NULL
  status: 200
  user agent: true
