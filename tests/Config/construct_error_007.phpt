--TEST--
Config: certificate credential errors (pairing, mismatch, unreadable, encrypted, not RSA, too short)
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--EXTENSIONS--
openssl
--FILE--
<?php
require __DIR__ . '/config.inc';
$pair = cert_pair();
$other = cert_pair();
$cert = fn(array $o) => without(base_options($o), 'client_secret');
try_config($cert(['client_certificate' => $pair['cert']]));
try_config($cert(['client_private_key' => $pair['key']]));
try_config($cert(['client_certificate' => $pair['cert'], 'client_private_key' => $other['key']]));
try_config(base_options(['client_certificate' => $pair['cert'], 'client_private_key' => $pair['key']]));
try_config($cert(['client_certificate' => "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", 'client_private_key' => $pair['key']]));
try_config($cert(['client_certificate' => '/nonexistent/sqzgraph/cert.pem', 'client_private_key' => $pair['key']]));
try_config($cert(['client_certificate' => __DIR__, 'client_private_key' => $pair['key']]));
try_config($cert(['client_certificate' => __FILE__, 'client_private_key' => $pair['key']]));
// A value that is neither PEM nor a file may be key material: never echoed.
try_config($cert(['client_certificate' => $pair['cert'], 'client_private_key' => 'TOPSECRET-MIIEvQIBADANBgkqhkiG9w0BAQEFAASC']));
try_config($cert(['client_certificate' => $pair['cert'], 'client_private_key' => $pair['cert']]));
openssl_pkey_export(openssl_pkey_get_private($pair['key']), $encrypted, 'passphrase');
try_config($cert(['client_certificate' => $pair['cert'], 'client_private_key' => $encrypted]));
$ec = cert_pair(['private_key_type' => OPENSSL_KEYTYPE_EC, 'curve_name' => 'prime256v1']);
try_config($cert(['client_certificate' => $ec['cert'], 'client_private_key' => $ec['key']]));
$short = cert_pair(['private_key_type' => OPENSSL_KEYTYPE_RSA, 'private_key_bits' => 1024]);
try_config($cert(['client_certificate' => $short['cert'], 'client_private_key' => $short['key']]));
?>
--EXPECTF--
['client_private_key'] client_private_key is required with client_certificate: the PEM private key (or its file path) that belongs to the certificate
['client_certificate'] client_certificate is required with client_private_key: the PEM certificate (or its file path) uploaded to the app registration
['client_private_key'] client_private_key does not belong to client_certificate; give the private key the certificate was issued for (compare: openssl x509 -noout -pubkey -in cert.pem and openssl pkey -pubout -in key.pem)
['client_secret'] give either client_secret or client_certificate with client_private_key, not both
['client_certificate'] client_certificate holds no valid PEM certificate (-----BEGIN CERTIFICATE-----)
['client_certificate'] client_certificate is neither PEM text (-----BEGIN CERTIFICATE-----) nor the path of a readable file: "/nonexistent/sqzgraph/cert.pem": No such file or directory
['client_certificate'] client_certificate is neither PEM text (-----BEGIN CERTIFICATE-----) nor the path of a readable file: "%s/tests/Config": Is a directory
['client_certificate'] client_certificate: the file "%s/construct_error_007.php" holds no PEM certificate (-----BEGIN CERTIFICATE-----); DER files must be converted: openssl x509 -inform der -in cert.cer -out cert.pem
['client_private_key'] client_private_key is neither PEM text (-----BEGIN PRIVATE KEY-----) nor the path of a readable file (No such file or directory); the value is not shown because it may be secret
['client_private_key'] client_private_key holds no valid PEM private key (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----)
['client_private_key'] client_private_key is encrypted with a passphrase; give an unencrypted PEM key (openssl pkey -in key.pem -out key-plain.pem) and protect it by file permissions
['client_private_key'] client_private_key must be an RSA key: Microsoft Entra ID verifies client assertions signed with RSA (PS256/RS256)
['client_private_key'] client_private_key is a 1024-bit RSA key; Microsoft Entra ID requires at least 2048 bits
