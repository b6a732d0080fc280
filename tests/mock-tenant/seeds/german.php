<?php
declare(strict_types=1);

/*
 * Localized mailbox: tenant Beispiel GmbH, user buchhaltung@beispiel.example with German
 * folder names (Posteingang = inbox, ...), custom folders Exportiert and Fehler, and the
 * name "Fehler" a second time under Posteingang (same name, different parents: allowed).
 */
$t = strtotime('2024-03-01T07:00:00Z');
$messages = [];
for ($i = 1; $i <= 6; $i++) {
    $messages[] = ['subject' => "Rechnung Nr. $i", 'received' => $t + $i * 900,
        'from' => ['name' => 'Lieferant Müller', 'address' => 'rechnung@mueller.example'],
        'attachments' => [['name' => "Rechnung-$i.pdf", 'content_type' => 'application/pdf', 'size' => 9000 + $i]]];
}
$messages[] = ['mime_fixture' => 'zb-m2012.eml', 'received' => $t + 7 * 900];
return ['tenants' => [[
    'id' => 'de0de0de-2222-4333-8444-555566667777',
    'name' => 'Beispiel GmbH',
    'domains' => ['beispiel.example'],
    'default_user' => 'buchhaltung@beispiel.example',
    'apps' => [['client_id' => 'de0c11e0-aaaa-4bbb-8ccc-dddddddddddd', 'name' => 'Squeeze',
        'secrets' => [['value' => 'Geheim~1.Beispiel', 'expires' => '2099-12-31']],
        'roles' => ['Mail.ReadWrite'],
        'redirect_uris' => ['http://127.0.0.1/api/v2/importers/email/authenticate/end']]],
    'users' => [['id' => 'de000000-0000-4000-8000-000000000001', 'upn' => 'buchhaltung@beispiel.example',
        'name' => 'Buchhaltung', 'locale' => 'de',
        'folders' => [['name' => 'Exportiert'], ['name' => 'Fehler'], ['name' => 'Fehler', 'parent' => 'inbox'],
            ['name' => 'Lieferanten', 'parent' => 'inbox']],
        'messages' => $messages]],
]]];
