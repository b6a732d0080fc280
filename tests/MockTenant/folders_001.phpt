--TEST--
mailFolders: paging with $top/$skip nextLink, hidden folders, search folder, well-known names, childFolders, localized names, ids
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
$tok = appToken($t);
$u = '/users/' . rawurlencode(ADMIN);
$p1 = $t->graphGet($tok, "$u/mailFolders");
show('page 1', [count($p1['json']['value']), $p1['json']['@odata.nextLink']]);
$p2 = $t->http('GET', $p1['json']['@odata.nextLink'], ["Authorization: Bearer $tok"]);
show('page 2', [count($p2['json']['value']), isset($p2['json']['@odata.nextLink'])]);
$all = array_merge($p1['json']['value'], $p2['json']['value']);
show('names', array_column($all, 'displayName'));
show('search folder', array_values(array_filter($all, fn ($f) => isset($f['@odata.type'])))[0]['@odata.type']);
show('keys', array_keys($all[0]));
$h = $t->graphGet($tok, "$u/mailFolders?includeHiddenFolders=true&\$top=50");
show('with hidden', array_values(array_map(fn ($f) => $f['displayName'], array_filter($h['json']['value'], fn ($f) => $f['isHidden']))));
$inbox = $t->graphGet($tok, "$u/mailFolders/INBOX");
show('INBOX', [$inbox['json']['displayName'], $inbox['json']['totalItemCount'], $inbox['json']['childFolderCount']]);
show('same via id', $t->graphGet($tok, "$u/mailFolders/" . rawurlencode($inbox['json']['id']))['json']['displayName']);
show('id has / + =', [str_contains($inbox['json']['id'], '/'), str_contains($inbox['json']['id'], '+')]);
$kids = $t->graphGet($tok, "$u/mailFolders/inbox/childFolders");
show('childFolders', array_column($kids['json']['value'], 'displayName'));
$inv = $kids['json']['value'][0]['id'];
show('grandchild', array_column($t->graphGet($tok, "$u/mailFolders/" . rawurlencode($inv) . '/childFolders')['json']['value'], 'displayName'));
show('root', $t->graphGet($tok, "$u/mailFolders/msgfolderroot")['json']['displayName']);
show('$select', array_keys($t->graphGet($tok, "$u/mailFolders/inbox?\$select=displayName")['json']));
$bad = $t->graphGet($tok, "$u/mailFolders/Exported");
show('display name as id', [$bad['status'], $bad['json']['error']['code']]);
$gone = $t->graphGet($tok, "$u/mailFolders/" . rawurlencode('AQMkADAw' . base64_encode(random_bytes(70))));
show('unknown id', [$gone['status'], $gone['json']['error']['code']]);
$dup = $t->http('POST', $t->graph . "$u/mailFolders", ["Authorization: Bearer $tok", 'Content-Type: application/json'], '{"displayName":"exported"}');
show('duplicate sibling', [$dup['status'], $dup['json']['error']['code']]);
$new = $t->http('POST', $t->graph . "$u/mailFolders/inbox/childFolders", ["Authorization: Bearer $tok", 'Content-Type: application/json'], '{"displayName":"Exported"}');
show('same name elsewhere', [$new['status'], $new['json']['displayName']]);
show('$top=0', $t->graphGet($tok, "$u/mailFolders?\$top=0")['status']);
// German mailbox: the inbox is "Posteingang"; well-known names still work.
$t->reset('german');
$de = $t->clientCredentialsToken('beispiel.example', 'de0c11e0-aaaa-4bbb-8ccc-dddddddddddd', 'Geheim~1.Beispiel');
show('german inbox', $t->graphGet($de, '/users/buchhaltung@beispiel.example/mailFolders/inbox')['json']['displayName']);
show('german sent', $t->graphGet($de, '/users/buchhaltung@beispiel.example/mailFolders/SentItems')['json']['displayName']);
show('two "Fehler"', count(array_filter($t->folderContents('buchhaltung@beispiel.example')['folders'], fn ($f) => $f['name'] === 'Fehler')));
?>
--EXPECTF--
page 1: [10,"%s/v1.0/users/admin%40contoso.example/mailFolders?%24top=10&%24skip=10"]
page 2: [2,false]
names: ["Archive","Conversation History","Deleted Items","Drafts","Error","Exported","Inbox","Junk Email","Outbox","Sent Items","Sync Issues","Unread invoices"]
search folder: '#microsoft.graph.mailSearchFolder'
keys: ["id","displayName","parentFolderId","childFolderCount","unreadItemCount","totalItemCount","isHidden"]
with hidden: ["Conversation Action Settings","Hidden Stuff"]
INBOX: ["Inbox",5,1]
same via id: 'Inbox'
id has / + =: [true,true]
childFolders: ["Invoices"]
grandchild: ["2024"]
root: 'Top of Information Store'
$select: ["id","displayName"]
display name as id: [400,"ErrorInvalidIdMalformed"]
unknown id: [404,"ErrorItemNotFound"]
duplicate sibling: [409,"ErrorFolderExists"]
same name elsewhere: [201,"Exported"]
$top=0: 400
german inbox: 'Posteingang'
german sent: 'Gesendete Elemente'
two "Fehler": 2
