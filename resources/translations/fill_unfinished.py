#!/usr/bin/env python3
import sys, re, html, json
# Fills unfinished .ts entries after `cmake --build build --target toonbank_lupdate`:
# Dutch from a JSON file {"English source": "Nederlandse vertaling"}, English with the source text.
# Run from the repository root: python3 resources/translations/fill_unfinished.py nl.json
# Plural (numerus) entries are not filled: translate those by hand or in Qt Linguist.
mapping = json.load(open(sys.argv[1]))
for lang in ('nl','en'):
    p=f'resources/translations/toonbank_{lang}.ts'
    s=open(p).read()
    def repl(m):
        src=m.group(1)
        text=html.unescape(src)
        if lang=='en':
            t=src
        else:
            if text not in mapping:
                print('MISSING', repr(text)); return m.group(0)
            t=html.escape(mapping[text], quote=False).replace("'", '&apos;').replace('"','&quot;')
        return f'<source>{src}</source>{m.group(2)}<translation>{t}</translation>'
    s=re.sub(r'<source>([^<]*)</source>(\s*(?:<comment>.*?</comment>\s*)?)<translation type="unfinished"></translation>', repl, s, flags=re.S)
    open(p,'w').write(s)
# lupdate pre-fills an entry whose text it has translated elsewhere and marks it unfinished: such an
# entry is the same text, so it is taken as finished (English: the source text itself).
for lang in ('nl', 'en'):
    p = f'resources/translations/toonbank_{lang}.ts'
    s = open(p).read()
    def carried(m):
        translation = m.group(1) if lang == 'en' else m.group(3)
        # lupdate's guess comes from a similar text: only keep it when it has the same
        # placeholders (a guess "%1, %2 {1:?}" for "%1: %2" once reached the screen).
        if sorted(re.findall(r'%[0-9n]', html.unescape(m.group(1)))) != sorted(
                re.findall(r'%[0-9n]', html.unescape(translation))) or '{' in translation:
            print('GUESS REFUSED', repr(html.unescape(m.group(1))), '->', repr(translation))
            return m.group(0)
        return f'<source>{m.group(1)}</source>{m.group(2)}<translation>{translation}</translation>'
    s = re.sub(r'<source>([^<]*)</source>(\s*(?:<comment>.*?</comment>\s*)?)<translation type="unfinished">([^<]+)</translation>', carried, s, flags=re.S)
    open(p, 'w').write(s)
