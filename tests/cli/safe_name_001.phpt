--TEST--
sqzgraph CLI sqz_cli_safe_name(): a table of hostile attachment names; every result is valid UTF-8, has no separator, control character or leading dot, fits 200 bytes with the extension kept, and duplicates (without case) get " (N)"
--SKIPIF--
<?php require __DIR__ . '/../Authenticator/skipif.inc'; ?>
--FILE--
<?php
const SQZ_CLI_LIBRARY = true;   // the functions, without running a command
require __DIR__ . '/../../scripts/sqzgraph';
$cases = [
    '../../etc/passwd', '..\\..\\windows\\win.ini', 'a/b\\c.pdf', "in\0voice.pdf", "a\r\nb.pdf", "tab\there.pdf", "bell\x07\x1b[2J.pdf",
    '', ' ', '.', '..', '...', '.htaccess', '. .pdf', 'invoice.pdf ', 'invoice.pdf.', ' invoice.pdf',
    'CON', 'con.txt', 'NUL.tar.gz', 'Aux .pdf', 'COM1', 'lpt9.pdf', 'CONSOLE.txt', 'nul-report.pdf',
    'a<b>c:d"e|f?g*h.pdf', "x\xff\xfe.pdf", "\xc3.pdf", "inv\u{202E}fdp.exe", "zero\u{200B}width.pdf", "bom\u{FEFF}.pdf",
    "c1\u{85}control.pdf", 'Ünïcödé Rechnung №1.pdf', 'message.eml', 'META.JSON', 'multiple   spaces .pdf',
];
$taken = ['message.eml', 'meta.json'];
foreach ($cases as $c) {
    $r = sqz_cli_safe_name($c, $taken, 'attachment-7');
    printf("%-36s -> %s\n", json_encode($c, JSON_INVALID_UTF8_SUBSTITUTE), json_encode($r, JSON_UNESCAPED_UNICODE));
}
echo "--- long names: 200 bytes at most, extension kept, UTF-8 never cut inside a character\n";
foreach ([str_repeat('x', 300) . '.pdf', str_repeat('ä', 150) . '.pdf', str_repeat('€', 100) . '.jpeg', str_repeat('y', 300),
    'report.' . str_repeat('z', 40), str_repeat('x', 196) . '.pdf'] as $c) {
    $r = sqz_cli_safe_name($c, $taken);
    printf("%d bytes in, %d out, valid UTF-8 %s, ends %s\n", strlen($c), strlen($r), json_encode(preg_match('//u', $r) === 1),
        json_encode(substr($r, -8), JSON_UNESCAPED_UNICODE | JSON_INVALID_UTF8_SUBSTITUTE));
}
echo "--- duplicates in one message\n";
$used = $taken;
foreach (['scan.pdf', 'SCAN.PDF', 'scan.pdf', 'scan (2).pdf', '', '', str_repeat('w', 300) . '.pdf', str_repeat('w', 300) . '.pdf'] as $c) {
    $r = sqz_cli_safe_name($c, $used);
    $used[] = $r;
    printf("%-14s -> %s\n", json_encode(strlen($c) > 12 ? substr($c, 0, 4) . '…' : $c), strlen($r) > 30 ? '…' . substr($r, -12) . ' (' . strlen($r) . ' bytes)' : $r);
}
echo "--- every result of the table is safe\n";
$bad = 0;
foreach (array_merge($cases, [str_repeat("\u{1F600}", 80) . '.pdf', str_repeat('/', 300)]) as $c) {
    $r = sqz_cli_safe_name($c, []);
    if ($r === '' || strlen($r) > 200 || !preg_match('//u', $r) || preg_match('~[/\\\\\x00-\x1F\x7F]~', $r) || $r[0] === '.'
        || str_ends_with($r, '.') || str_ends_with($r, ' ') || basename($r) !== $r) {
        echo 'unsafe: ', json_encode($c, JSON_INVALID_UTF8_SUBSTITUTE), ' -> ', json_encode($r, JSON_INVALID_UTF8_SUBSTITUTE), "\n";
        $bad++;
    }
}
echo "unsafe results: $bad\n";
?>
--EXPECT--
"..\/..\/etc\/passwd"                -> "_._etc_passwd"
"..\\..\\windows\\win.ini"           -> "_.._windows_win.ini"
"a\/b\\c.pdf"                        -> "a_b_c.pdf"
"in\u0000voice.pdf"                  -> "in_voice.pdf"
"a\r\nb.pdf"                         -> "a__b.pdf"
"tab\there.pdf"                      -> "tab_here.pdf"
"bell\u0007\u001b[2J.pdf"            -> "bell__[2J.pdf"
""                                   -> "attachment-7"
" "                                  -> "attachment-7"
"."                                  -> "attachment-7"
".."                                 -> "attachment-7"
"..."                                -> "attachment-7"
".htaccess"                          -> "htaccess"
". .pdf"                             -> "pdf"
"invoice.pdf "                       -> "invoice.pdf"
"invoice.pdf."                       -> "invoice.pdf"
" invoice.pdf"                       -> "invoice.pdf"
"CON"                                -> "_CON"
"con.txt"                            -> "_con.txt"
"NUL.tar.gz"                         -> "_NUL.tar.gz"
"Aux .pdf"                           -> "_Aux.pdf"
"COM1"                               -> "_COM1"
"lpt9.pdf"                           -> "_lpt9.pdf"
"CONSOLE.txt"                        -> "CONSOLE.txt"
"nul-report.pdf"                     -> "nul-report.pdf"
"a<b>c:d\"e|f?g*h.pdf"               -> "a_b_c_d_e_f_g_h.pdf"
"x\ufffd\ufffd.pdf"                  -> "x__.pdf"
"\ufffd.pdf"                         -> "_.pdf"
"inv\u202efdp.exe"                   -> "inv_fdp.exe"
"zero\u200bwidth.pdf"                -> "zero_width.pdf"
"bom\ufeff.pdf"                      -> "bom_.pdf"
"c1\u0085control.pdf"                -> "c1_control.pdf"
"\u00dcn\u00efc\u00f6d\u00e9 Rechnung \u21161.pdf" -> "Ünïcödé Rechnung №1.pdf"
"message.eml"                        -> "message (2).eml"
"META.JSON"                          -> "META (2).JSON"
"multiple   spaces .pdf"             -> "multiple spaces.pdf"
--- long names: 200 bytes at most, extension kept, UTF-8 never cut inside a character
304 bytes in, 200 out, valid UTF-8 true, ends "xxxx.pdf"
304 bytes in, 200 out, valid UTF-8 true, ends "ää.pdf"
305 bytes in, 200 out, valid UTF-8 true, ends "€.jpeg"
300 bytes in, 200 out, valid UTF-8 true, ends "yyyyyyyy"
47 bytes in, 47 out, valid UTF-8 true, ends "zzzzzzzz"
200 bytes in, 200 out, valid UTF-8 true, ends "xxxx.pdf"
--- duplicates in one message
"scan.pdf"     -> scan.pdf
"SCAN.PDF"     -> SCAN (2).PDF
"scan.pdf"     -> scan (3).pdf
"scan (2).pdf" -> scan (2) (2).pdf
""             -> attachment
""             -> attachment (2)
"wwww\u2026"   -> …wwwwwwww.pdf (200 bytes)
"wwww\u2026"   -> …wwww (2).pdf (200 bytes)
--- every result of the table is safe
unsafe results: 0