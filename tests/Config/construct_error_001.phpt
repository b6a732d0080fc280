--TEST--
Config: missing required options name the key
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
try_config([]);
try_config(without(base_options(), 'flow'));
try_config(without(base_options(), 'tenant_id'));
try_config(without(base_options(), 'client_id'));
try_config(without(base_options(), 'client_secret'));
try_config(base_options(['client_secret' => '']));
try_config(base_options(['client_secret' => null]));
try_config(without(base_options(), 'redirect_uri'));
try_config(base_options(['redirect_uri' => '']));
try_config(without(cc_options(), 'mailbox'));
try_config(cc_options(['mailbox' => '']));
// The exception is a ConfigException, an InvalidArgumentException and a SqzGraph\Exception.
try {
    new SqzGraph\Config([]);
} catch (SqzGraph\Exception $e) {
    var_dump(get_class($e), $e instanceof InvalidArgumentException);
}
?>
--EXPECT--
['flow'] flow is required: 'delegated' (a user signs in and consents) or 'client_credentials' (application permission, no user)
['flow'] flow is required: 'delegated' (a user signs in and consents) or 'client_credentials' (application permission, no user)
['tenant_id'] tenant_id is required: the directory (tenant) id of the app registration, a GUID, or a verified domain such as contoso.onmicrosoft.com
['client_id'] client_id is required: the application (client) id of the app registration
['client_secret'] client_secret is required (or client_certificate with client_private_key): the secret's value from Certificates & secrets of the app registration
['client_secret'] client_secret is required (or client_certificate with client_private_key): the secret's value from Certificates & secrets of the app registration
['client_secret'] client_secret is required (or client_certificate with client_private_key): the secret's value from Certificates & secrets of the app registration
['redirect_uri'] redirect_uri is required for the delegated flow: the URI registered under Authentication in the app registration, e.g. https://squeeze.example.com/api/v2/importers/email/authenticate/end
['redirect_uri'] redirect_uri is required for the delegated flow: the URI registered under Authentication in the app registration, e.g. https://squeeze.example.com/api/v2/importers/email/authenticate/end
['mailbox'] mailbox is required for client_credentials: without a signed-in user the UPN or SMTP address of the mailbox to import from must be given
['mailbox'] mailbox is required for client_credentials: without a signed-in user the UPN or SMTP address of the mailbox to import from must be given
string(24) "SqzGraph\ConfigException"
bool(true)
