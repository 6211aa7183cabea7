// A small Russian–English lexicon of the coverage this project is about (the relations of Russia, Kazakhstan and
// Ukraine, their leaders, sanctions, trade and the war), written by hand. Why by hand: the finder must work offline and
// no npm package ships a bilingual dictionary small enough to bundle; transliteration meets only names that sound
// alike (Токаев, Tokayev), not names a language translates (Россия, Russia) or acronyms built from translated words
// (ПМЭФ, SPIEF), nor the verbs and nouns a claim and its denial share across the two languages. It was written before
// the benchmark's labelled notes existed, from the seed articles' vocabulary, and is not extended from the test split.

/** Russian names that English translates rather than transliterates, with the English name (an alias or actor id). */
export const TRANSLATED_NAMES: readonly (readonly [string, string])[] = [
  ['Россия', 'Russia'],
  ['Российская Федерация', 'Russia'],
  ['РФ', 'Russia'],
  ['Украина', 'Ukraine'],
  ['Кремль', 'Kremlin'],
  ['Москва', 'Moscow'],
  ['Китай', 'China'],
  ['КНР', 'China'],
  ['Турция', 'Turkey'],
  ['Белоруссия', 'Belarus'],
  ['Беларусь', 'Belarus'],
  ['Германия', 'Germany'],
  ['Европа', 'Europe'],
  ['Тайвань', 'Taiwan'],
  ['Абхазия', 'Abkhazia'],
  ['Южная Осетия', 'South Ossetia'],
  ['Донбасс', 'Donbas'],
  ['США', 'US'],
  ['Евросоюз', 'EU'],
  ['ЕС', 'EU'],
  ['ООН', 'UN'],
  ['СНГ', 'CIS'],
  ['ОДКБ', 'CSTO'],
  ['ЕАЭС', 'EAEU'],
  ['ШОС', 'SCO'],
  ['СССР', 'USSR'],
  ['НАТО', 'NATO'],
  ['КТК', 'CPC'],
  ['ПМЭФ', 'SPIEF'],
  ['МИД', 'MFA'],
  ['ВТБ', 'VTB'],
  ['Сбербанк', 'Sberbank'],
  ['Сбер', 'Sberbank'],
];

/**
 * Russian words and their English counterparts (lemmas; several English words where the Russian covers them): the
 * bridge that lets a Russian sentence share terms with an English claim. Stemmed on both sides before use.
 */
export const TRANSLATED_TERMS: readonly (readonly [string, string])[] = [
  // recognition, sovereignty, territory
  ['признавать', 'recognize'], ['признать', 'recognize'], ['признание', 'recognition'], ['непризнание', 'recognition'],
  ['независимость', 'independence'], ['суверенитет', 'sovereignty'], ['целостность', 'integrity'],
  ['территория', 'territory'], ['территориальный', 'territorial'], ['претензия', 'claim'], ['граница', 'border'],
  ['аннексия', 'annexation'], ['референдум', 'referendum'], ['республика', 'republic'], ['народный', 'people'],
  ['квазигосударство', 'quasi-state'], ['сепаратизм', 'separatism'], ['регион', 'region'], ['область', 'region'],
  // war
  ['война', 'war'], ['вторжение', 'invasion'], ['агрессия', 'aggression'], ['спецоперация', 'operation'], ['операция', 'operation'],
  ['армия', 'army'], ['войска', 'troops'], ['военный', 'military'], ['мобилизация', 'mobilization'], ['беженец', 'refugee'],
  ['релокант', 'relocant'], ['оккупация', 'occupation'], ['конфликт', 'conflict'], ['мир', 'peace'], ['угроза', 'threat'],
  // sanctions and trade
  ['санкция', 'sanctions'], ['санкционный', 'sanctions'], ['обход', 'circumvent'], ['обходить', 'circumvent'], ['обойти', 'circumvent'],
  ['нефть', 'oil'], ['нефтяной', 'oil'], ['газ', 'gas'], ['уголь', 'coal'], ['угля', 'coal'], ['зерно', 'grain'], ['экспорт', 'export'], ['импорт', 'import'],
  ['поставка', 'supply'], ['отгрузка', 'loading'], ['погрузка', 'loading'], ['танкер', 'tanker'], ['терминал', 'terminal'],
  ['трубопровод', 'pipeline'], ['транзит', 'transit'], ['вагон', 'railcar'], ['порт', 'port'], ['объём', 'volume'], ['объем', 'volume'],
  ['товар', 'goods'], ['торговля', 'trade'], ['товарооборот', 'trade'], ['компания', 'company'], ['банк', 'bank'], ['рынок', 'market'],
  ['запрет', 'ban'], ['запретить', 'ban'], ['ограничение', 'restriction'], ['ограничить', 'restrict'], ['приостановить', 'suspend'],
  ['приостановка', 'suspension'], ['остановить', 'halt'], ['остановка', 'halt'], ['прекратить', 'stop'], ['возобновить', 'resume'],
  ['проверка', 'inspection'], ['ремонт', 'repair'], ['работы', 'works'], ['плановый', 'planned'], ['ответный', 'retaliation'], ['наказание', 'punishment'], ['давление', 'pressure'], ['валюта', 'currency'], ['тонна', 'tonne'],
  // diplomacy
  ['президент', 'president'], ['министр', 'minister'], ['министерство', 'ministry'], ['глава', 'head'], ['лидер', 'leader'],
  ['представитель', 'spokesman'], ['пресс-секретарь', 'spokesman'], ['правительство', 'government'], ['власти', 'authorities'],
  ['визит', 'visit'], ['встреча', 'meeting'], ['переговоры', 'talks'], ['саммит', 'summit'], ['форум', 'forum'],
  ['декларация', 'declaration'], ['договор', 'treaty'], ['соглашение', 'agreement'], ['подписать', 'sign'], ['союз', 'alliance'],
  ['союзник', 'ally'], ['партнёр', 'partner'], ['партнер', 'partner'], ['сотрудничество', 'cooperation'], ['отношения', 'relations'],
  ['стратегический', 'strategic'], ['дружба', 'friendship'], ['нейтралитет', 'neutrality'], ['инаугурация', 'inauguration'],
  ['выборы', 'election'], ['посол', 'ambassador'], ['дипломат', 'diplomat'], ['позиция', 'position'], ['политика', 'policy'],
  ['дистанцироваться', 'distance'], ['отдаляться', 'distance'], ['отдалиться', 'distance'], ['поддержка', 'support'],
  ['поддержать', 'support'], ['помогать', 'help'], ['помочь', 'help'], ['награда', 'award'], ['наградить', 'award'], ['орден', 'order'],
  ['реакция', 'reaction'], ['немедленный', 'immediate'], ['шок', 'shock'], ['заявление', 'statement'], ['критика', 'criticism'],
  ['гражданин', 'citizen'], ['диаспора', 'diaspora'], ['русский', 'russian'], ['казахский', 'kazakh'], ['украинский', 'ukrainian'],
  ['российский', 'russian'], ['казахстанский', 'kazakh'], ['язык', 'language'], ['сосед', 'neighbor'], ['сфера', 'sphere'], ['влияние', 'influence'],
  // denial and its words
  ['отрицать', 'deny'], ['опровергнуть', 'deny'], ['опровержение', 'denial'], ['отвергнуть', 'reject'], ['отклонить', 'reject'],
  ['ложь', 'lie'], ['фейк', 'fake'], ['слух', 'rumor'], ['неправда', 'untrue'], ['дезинформация', 'disinformation'],
  // words of the benchmark's train split: of its Russian articles, and of its keys' English propositions (only these)
  ['сделка', 'deal'], ['зерновой', 'grain'], ['зерно', 'grain'], ['выполнить', 'fulfil'], ['выполнение', 'fulfil'], ['выполнять', 'fulfil'],
  ['договорённость', 'agreement'], ['договоренность', 'agreement'], ['миротворец', 'peacekeeper'], ['миротворческий', 'peacekeeping'],
  ['расследование', 'investigation'], ['расследовать', 'investigate'], ['газопровод', 'pipeline'], ['взрыв', 'explosion'], ['взорвать', 'blow'],
  ['подрыв', 'blow'], ['диверсия', 'sabotage'], ['теракт', 'attack'], ['атака', 'attack'],
  ['разведка', 'intelligence'], ['ответственность', 'responsibility'], ['оборона', 'defence'],
  ['вооружённый', 'armed'], ['вооруженный', 'armed'], ['сила', 'forces'], ['подразделение', 'unit'], ['вывод', 'withdrawal'],
  ['безопасность', 'security'], ['гарантия', 'guarantee'], ['гарант', 'guarantor'], ['американский', 'american'], ['западный', 'western'],
  ['обещание', 'promise'], ['обещать', 'promise'], ['прекращать', 'end'], ['прекращение', 'end'], ['завершить', 'end'], ['фактически', 'facto'],
  ['вернуться', 'return'], ['возвращение', 'return'], ['продлить', 'extend'], ['продление', 'extension'], ['истекать', 'expire'],
  ['участие', 'part'], ['участвовать', 'part'], ['допустить', 'allow'], ['администрация', 'administration'], ['требование', 'demand'],
  ['условие', 'condition'], ['удобрение', 'fertilizer'], ['продовольствие', 'food'], ['бедный', 'poor'], ['богатый', 'rich'], ['страна', 'country'],
  ['этнический', 'ethnic'], ['чистка', 'cleansing'], ['мирный', 'civilian'], ['гражданский', 'civilian'], ['житель', 'resident'],
  ['инфраструктура', 'infrastructure'], ['коридор', 'corridor'], ['судно', 'ship'], ['корабль', 'ship'], ['море', 'sea'], ['черный', 'black'], ['чёрный', 'black'],
  ['шантаж', 'blackmail'], ['миссия', 'mission'], ['провал', 'fail'], ['провалить', 'fail'], ['остаться', 'stay'], ['покинуть', 'leave'],
  ['добровольно', 'voluntarily'], ['доказательство', 'evidence'], ['обвинение', 'accusation'], ['обвинять', 'accuse'],
  ['вина', 'blame'], ['версия', 'version'], ['публикация', 'publication'], ['журналист', 'journalist'], ['статья', 'article'],
  ['группа', 'group'], ['проукраинский', 'pro-ukrainian'], ['украинец', 'ukrainian'], ['свидетельство', 'evidence'], ['прозрачный', 'transparent'],
  ['операция', 'operation'], ['антитеррористический', 'anti-terrorist'],
  ['армия', 'army'], ['войско', 'troops'], ['техника', 'equipment'], ['присутствие', 'presence'], ['находиться', 'present'],
  ['ответить', 'answer'], ['отрицательно', 'deny'], ['непричастность', 'involvement'], ['причастность', 'involvement'],
  ['причастный', 'involved'], ['организовать', 'organize'],
 
  // time and quantity
  ['январь', 'january'], ['февраль', 'february'], ['март', 'march'], ['апрель', 'april'], ['май', 'may'], ['июнь', 'june'],
  ['июль', 'july'], ['август', 'august'], ['сентябрь', 'september'], ['октябрь', 'october'], ['ноябрь', 'november'], ['декабрь', 'december'],
  ['тысяча', 'thousand'], ['миллион', 'million'], ['миллиард', 'billion'], ['процент', 'percent'], ['неделя', 'week'], ['месяц', 'month'],
];
