--TEST--
Config: flow, tenant and client ids, mailbox and scopes rules
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
try_config(base_options(['flow' => 'authorization_code']));
try_config(base_options(['flow' => 'Delegated']));
try_config(base_options(['tenant_id' => '']));
try_config(base_options(['tenant_id' => 'contoso.com/oauth2']));
try_config(base_options(['tenant_id' => 'contoso.com?x']));
try_config(base_options(['tenant_id' => 'contoso.com#x']));
try_config(base_options(['tenant_id' => ' contoso.com']));
try_config(base_options(['client_id' => "1111\n2222"]));
try_config(base_options(['client_id' => 'a/b']));
try_config(cc_options(['tenant_id' => 'common']));
try_config(cc_options(['tenant_id' => 'organizations']));
try_config(cc_options(['tenant_id' => 'Consumers']));
try_config(cc_options(['scopes' => ['https://graph.microsoft.com/.default']]));
try_config(base_options(['scopes' => ['openid', 'https://graph.microsoft.com/Mail.ReadWrite']]));
try_config(base_options(['scopes' => []]));
try_config(base_options(['scopes' => ['offline_access', 'Mail.Read Mail.Send']]));
try_config(base_options(['scopes' => ['offline_access', '']]));
try_config(base_options(['mailbox' => 'scans']));
try_config(base_options(['mailbox' => 'scans@contoso.com/x']));
try_config(base_options(['mailbox' => 'a@b@contoso.com']));
try_config(base_options(['mailbox' => 'scans@']));
echo (new SqzGraph\Config(base_options(['mailbox' => '0b3a1c2d-1111-2222-3333-444455556666'])))->toArray()['mailbox'], "\n";
?>
--EXPECT--
['flow'] flow must be 'delegated' (a user signs in and consents) or 'client_credentials' (application permission, no user); got "authorization_code"
['flow'] flow must be 'delegated' (a user signs in and consents) or 'client_credentials' (application permission, no user); got "Delegated"
['tenant_id'] tenant_id must not be empty
['tenant_id'] tenant_id must be the directory (tenant) id, a GUID, or a verified domain such as contoso.onmicrosoft.com (letters, digits, '.', '-', '_' only); got "contoso.com/oauth2"
['tenant_id'] tenant_id must be the directory (tenant) id, a GUID, or a verified domain such as contoso.onmicrosoft.com (letters, digits, '.', '-', '_' only); got "contoso.com?x"
['tenant_id'] tenant_id must be the directory (tenant) id, a GUID, or a verified domain such as contoso.onmicrosoft.com (letters, digits, '.', '-', '_' only); got "contoso.com#x"
['tenant_id'] tenant_id must be the directory (tenant) id, a GUID, or a verified domain such as contoso.onmicrosoft.com (letters, digits, '.', '-', '_' only); got " contoso.com"
['client_id'] client_id must be the application (client) id from the app registration, a GUID (letters, digits, '.', '-', '_' only); got "1111\x0a2222"
['client_id'] client_id must be the application (client) id from the app registration, a GUID (letters, digits, '.', '-', '_' only); got "a/b"
['tenant_id'] tenant_id "common" is only allowed for the delegated flow; client_credentials needs the directory (tenant) id or a verified domain of the tenant that owns the mailbox
['tenant_id'] tenant_id "organizations" is only allowed for the delegated flow; client_credentials needs the directory (tenant) id or a verified domain of the tenant that owns the mailbox
['tenant_id'] tenant_id "Consumers" is only allowed for the delegated flow; client_credentials needs the directory (tenant) id or a verified domain of the tenant that owns the mailbox
['scopes'] scopes cannot be chosen for client_credentials: the token is always requested for https://graph.microsoft.com/.default (the application permissions granted to the app); remove the option
['scopes'] scopes must include offline_access for the delegated flow: without it Microsoft issues no refresh token and the grant ends when the first access token expires
['scopes'] scopes must not be empty; leave the option out for the default scopes
['scopes'] scopes[1] must be one non-empty scope without spaces, e.g. 'https://graph.microsoft.com/Mail.ReadWrite'; got "Mail.Read Mail.Send"
['scopes'] scopes[1] must be one non-empty scope without spaces, e.g. 'https://graph.microsoft.com/Mail.ReadWrite'; got ""
['mailbox'] mailbox must be the UPN or SMTP address of the mailbox, e.g. scans@contoso.com (or its user object id); got "scans"
['mailbox'] mailbox must be the UPN or SMTP address of the mailbox, e.g. scans@contoso.com (or its user object id); got "scans@contoso.com/x"
['mailbox'] mailbox must be the UPN or SMTP address of the mailbox, e.g. scans@contoso.com (or its user object id); got "a@b@contoso.com"
['mailbox'] mailbox must be the UPN or SMTP address of the mailbox, e.g. scans@contoso.com (or its user object id); got "scans@"
0b3a1c2d-1111-2222-3333-444455556666
