"""A blind labelled set for the quality of matching, ``held_out_dec7b``: written on 6 December 2026 by a
writer who had read neither the engine's vocabulary nor its meaning and matching code, nor any other
labelled set's pupils, nor the bench's output or misses.

The school: a district-town school of about 700 pupils in the Volga region. It has an agro-technological
class («агрокласс», 10А–11А) run with the district's agricultural college and a farming company
(agronomy, veterinary, machinery: tractor licences, welding), a resource centre for inclusive education
(many pupils with ОВЗ: ЗПР, ТНР, УО of the mild degree, РАС, slight visual impairment; a tutor and
defectologist, a logoped), many children of labour migrants who speak Uzbek, Kyrgyz or Tajik at home, a
boarding house (интернат) for children from the villages, a folk ensemble and a crafts circle (wood
carving, pottery), a local history museum, a small «Точка роста» centre (chemistry, biology and physics
labs, robotics), a school forestry (школьное лесничество) and a financial literacy club. Many families
are poor or troubled (alcohol, guardianship, a father killed in the war, parents on shift work); some
pupils are on the police juvenile register (ПДН) for theft or fights, or skip school; many leave after
grade 9 for a college. Careers pupils name: tractor driver, vet, nurse, police, IT, teacher.

Mentors are written as the school fills its mentors' spreadsheet: free phrases, abbreviations, ranges of
grades in several notations. Three senior pupils are peer mentors. A pupil's ``right`` mentors are those
the school psychologist would accept, her first choice first, taking the grade, the mentor's preferred
grades and ОВЗ / at-risk training into account: peers get no pupil with ОВЗ or at risk, and a mentor
whose grades exclude the pupil is not accepted. For a few pupils with ОВЗ or at risk a hobby that calms
them puts an untrained mentor first, with a trained one second. Comments mark each pupil easy, medium
or hard as the writer judged it.
"""

from .quality_set import Pupil, Teacher

DEC7B_MENTORS: list[Teacher] = [
    Teacher(
        key="rki",
        competencies=[
            "русский как иностранный (курсы РКИ, 72 ч., 2023)",
            "дети-инофоны, адаптация детей мигрантов",
            "словарный запас, чтение, устная речь",
            "тестирование по русскому при зачислении",
        ],
        subject="Русский язык (РКИ)",
        interests=["языки Средней Азии", "настольные игры"],
        age=41,
        capacity=12,
        preferred_grades="1–11, в основном 1–7",
    ),
    Teacher(
        key="russkiy",
        competencies=[
            "русский язык и литература",
            "ОГЭ, ЕГЭ по русскому",
            "итоговое сочинение, итоговое собеседование",
            "орфография, пунктуация — «натаскать» на правила",
            "конкурсы чтецов",
        ],
        subject="Русский язык и литература",
        interests=["театр", "краеведческая литература"],
        age=53,
        capacity=11,
        preferred_grades="5–11 (ОГЭ/ЕГЭ — 9, 11 кл.)",
    ),
    Teacher(
        key="matematik",
        competencies=[
            "математика, алгебра, геометрия",
            "ОГЭ, ЕГЭ база (профиль — по запросу)",
            "ликвидация пробелов, слабоуспевающие",
            "дети с ОВЗ (ЗПР) по АООП, ГВЭ",
        ],
        subject="Математика",
        interests=["рыбалка", "огород"],
        age=59,
        capacity=11,
        special_needs_trained=True,
        preferred_grades="5-11 кл.",
    ),
    Teacher(
        key="nach_shkola",
        competencies=[
            "учитель нач. классов, стаж 28 лет",
            "техника чтения, письмо, счёт",
            "адаптация первоклассников",
            "инклюзивный класс, дети с ЗПР",
            "одарённые младшие школьники",
        ],
        subject="Начальные классы",
        interests=["кукольный театр", "цветоводство"],
        age=50,
        capacity=11,
        special_needs_trained=True,
        preferred_grades="нач. школа",
    ),
    Teacher(
        key="tyutor_defektolog",
        competencies=[
            "тьютор ресурсного центра",
            "учитель-дефектолог",
            "ЗПР, УО (лёгкая степень), РАС",
            "АООП, коррекционно-развивающие занятия",
            "социально-бытовая ориентировка, жизненные компетенции",
        ],
        subject="Коррекционная педагогика",
        interests=["сенсорные игры", "садоводство"],
        age=34,
        capacity=11,
        special_needs_trained=True,
        preferred_grades="1–9",
    ),
    Teacher(
        key="logoped",
        competencies=[
            "учитель-логопед",
            "ТНР, ОНР, заикание",
            "дисграфия, дислексия",
            "постановка звуков",
            "речь детей-билингвов",
        ],
        subject="Логопедия",
        interests=["сказкотерапия"],
        age=45,
        capacity=9,
        special_needs_trained=True,
        preferred_grades="1-6 кл.",
    ),
    Teacher(
        key="psiholog",
        competencies=[
            "педагог-психолог",
            "тревожность, страхи, самооценка",
            "адаптация (1, 5, 10 кл., новенькие)",
            "конфликты, травля, кризисные ситуации",
            "профориентационная диагностика",
            "сопровождение детей с ОВЗ и группы риска",
        ],
        subject="Психология",
        interests=["песочная терапия", "йога"],
        age=39,
        capacity=12,
        special_needs_trained=True,
        at_risk_experience=True,
    ),
    Teacher(
        key="socped",
        competencies=[
            "социальный педагог",
            "учёт ПДН, КДН, ВШУ",
            "профилактика пропусков и правонарушений",
            "семьи в СОП, опекаемые дети",
            "малоимущие и многодетные: льготы, питание, помощь",
            "трудоустройство подростков летом",
        ],
        subject="Социальная педагогика",
        interests=["волонтёрство", "рыбалка"],
        age=46,
        capacity=12,
        at_risk_experience=True,
        preferred_grades="1-11 кл.",
    ),
    Teacher(
        key="agronom",
        competencies=[
            "главный агроном СХП «Заволжье» (партнёр агрокласса)",
            "растениеводство, теплицы, сорта, урожайность",
            "почвы, удобрения, защита растений",
            "опытный участок, проекты агрокласса",
            "куда поступать: агроколледж, аграрный университет",
        ],
        subject="Агрономия (внешний наставник)",
        interests=["пчёлы", "охота"],
        age=49,
        capacity=8,
        preferred_grades="8–11, агрокласс",
    ),
    Teacher(
        key="vet_kolledzh",
        competencies=[
            "преподаватель агроколледжа, ветфельдшер",
            "уход за животными: КРС, козы, птица, кролики",
            "ветеринария — как поступить, практика на ферме",
            "зоотехния, кормление",
        ],
        subject="Ветеринария (внешний наставник)",
        interests=["лошади", "собаки"],
        age=36,
        capacity=8,
        preferred_grades="с 7 класса",
    ),
    Teacher(
        key="trudovik",
        competencies=[
            "учитель технологии",
            "трактор: права тракториста-машиниста (кат. В, С)",
            "ремонт техники, сварка, столярка",
            "профпробы «механизатор», «автомеханик», «электрик»",
            "нахожу подход к «трудным» мальчишкам",
        ],
        subject="Технология",
        interests=["мотоциклы", "рыбалка"],
        age=57,
        capacity=9,
        at_risk_experience=True,
        preferred_grades="7-11",
    ),
    Teacher(
        key="tochka_robot",
        competencies=[
            "учитель физики и информатики, «Точка роста»",
            "робототехника (Lego, Arduino)",
            "программирование: Scratch, Python",
            "3D-печать, квадрокоптеры",
            "ОГЭ физика, ОГЭ информатика, олимпиады",
        ],
        subject="Физика, информатика",
        interests=["радиоэлектроника", "компьютерные игры"],
        age=31,
        capacity=11,
        preferred_grades="5–11",
    ),
    Teacher(
        key="tochka_himbio",
        competencies=[
            "химия, биология",
            "лаборатория «Точки роста»: опыты, цифровые микроскопы",
            "ОГЭ/ЕГЭ химия и биология",
            "медколледж, фармация, медвуз",
            "индивидуальные проекты",
        ],
        subject="Химия, биология",
        interests=["комнатные растения", "скандинавская ходьба"],
        age=43,
        capacity=11,
        preferred_grades="8-11 кл.",
    ),
    Teacher(
        key="istorik_muzey",
        competencies=[
            "руководитель школьного краеведческого музея",
            "история, краеведение",
            "экскурсоводы, публичные выступления",
            "поисковая работа, «Бессмертный полк», история села",
            "ОГЭ/ЕГЭ история",
        ],
        subject="История",
        interests=["архивы", "старинные предметы быта"],
        age=62,
        capacity=9,
        preferred_grades="5-11",
    ),
    Teacher(
        key="fingram",
        competencies=[
            "обществознание, право",
            "кружок финансовой грамотности",
            "семейный бюджет, первые деньги, телефонные мошенники",
            "основы предпринимательства, бизнес-план",
            "ОГЭ/ЕГЭ общество",
            "совет обучающихся (куратор)",
        ],
        subject="Обществознание",
        interests=["экономика", "дебаты"],
        age=35,
        capacity=9,
        preferred_grades="с 7 кл.",
    ),
    Teacher(
        key="trener",
        competencies=[
            "учитель физкультуры",
            "тренер по вольной борьбе и мини-футболу",
            "ГТО, нормативы",
            "физподготовка в полицию, МЧС, армию, военные училища",
            "дисциплина, ребята с ВШУ и ПДН",
        ],
        subject="Физическая культура",
        interests=["борьба", "футбол", "охота"],
        age=44,
        capacity=11,
        at_risk_experience=True,
        preferred_grades="с 5 кл.",
    ),
    Teacher(
        key="remesla_folklor",
        competencies=[
            "ДПИ: резьба по дереву, гончарное дело, вышивка",
            "рук. фольклорного ансамбля «Зарянка»",
            "народные песни, танцы, праздники, святки",
            "занятия с детьми с ОВЗ (мелкая моторика, успокаивает)",
        ],
        subject="Доп. образование (ДПИ, фольклор)",
        interests=["народный костюм", "глина"],
        age=55,
        capacity=11,
        special_needs_trained=True,
    ),
    Teacher(
        key="lesnichestvo",
        competencies=[
            "учитель географии и биологии",
            "руководитель школьного лесничества",
            "экология, лесопосадки, походы",
            "ОГЭ география",
            "летний трудовой отряд",
        ],
        subject="География, биология",
        interests=["туризм", "птицы", "грибы"],
        age=40,
        capacity=10,
        preferred_grades="5–10",
    ),
    Teacher(
        key="vospitatel_internat",
        competencies=[
            "воспитатель пришкольного интерната",
            "адаптация детей из сёл, тоска по дому",
            "режим дня, самоподготовка (домашка)",
            "бытовые навыки",
            "дети из многодетных и неблагополучных семей",
        ],
        subject="Воспитатель",
        interests=["кулинария", "настольный теннис"],
        age=48,
        capacity=8,
        at_risk_experience=True,
        preferred_grades="5–11 (проживающие в интернате)",
    ),
    Teacher(
        key="peer_11a_vet",
        competencies=[
            "староста агрокласса",
            "биология, химия — объясняю младшим",
            "сама с 7 класса жила в интернате",
            "собираюсь в ветеринарию",
        ],
        interests=["лошади", "волонтёрство в приюте для собак"],
        group_name="11А",
        age=17,
        capacity=6,
        preferred_grades="5-8 кл.",
    ),
    Teacher(
        key="peer_10b_robot",
        competencies=[
            "призёр регионального этапа по робототехнике",
            "объясняю информатику и математику",
            "делаю игры на Unity",
        ],
        interests=["компьютерные игры", "дроны"],
        group_name="10Б",
        age=16,
        capacity=5,
        preferred_grades="5–7",
    ),
    Teacher(
        key="peer_11b_kg",
        competencies=[
            "говорю по-русски и по-киргизски, понимаю узбекский",
            "помогаю новеньким освоиться",
            "председатель совета обучающихся, «Движение первых»",
            "волонтёрство",
        ],
        interests=["футбол", "фотография"],
        group_name="11Б",
        age=17,
        capacity=6,
        preferred_grades="младшие и средние",
    ),
]

HELD_OUT_DEC7B: list[Pupil] = [
    # --- children of labour migrants, Russian as a second language ---
    # easy
    Pupil(
        ["русский язык как неродной"],
        ("rki", "nach_shkola"),
        "3В",
        request_text="Семья из Узбекистана, в России полгода. Говорит мало, понимает бытовые фразы.",
    ),
    # easy
    Pupil(["плохо говорит по-русски"], ("rki", "peer_11b_kg"), "6Б", areas=["Русский язык"]),
    # medium: no request, a parent's words
    Pupil(
        [],
        ("rki", "peer_11b_kg"),
        "5А",
        request_text="мы с Кыргызстана, сын не понимает что говорят на уроках, дома говорим по киргизски. "
        "помогите пожалуйста",
    ),
    # medium
    Pupil(
        ["адаптация в новой школе", "русский"],
        ("rki", "peer_11b_kg", "psiholog"),
        "7Г",
        request_text="Приехал из Таджикистана в октябре. Ребята не принимают, на переменах сидит один.",
    ),
    # medium: exam first, the language behind it
    Pupil(
        ["ОГЭ по русскому"],
        ("russkiy", "rki"),
        "9Б",
        request_text="Родной язык узбекский, устно говорит хорошо, пишет с большим кол-вом ошибок. Боится не "
        "получить аттестат.",
    ),
    # hard: the mother's greenhouse job is no request
    Pupil(
        ["итоговое собеседование"],
        ("russkiy", "rki"),
        "9А",
        request_text="итоговое собеседование в феврале не прошёл, пересдача в марте. мама работает в теплицах "
        "Заволжья, дома говорят по таджикски",
    ),
    # medium: a bilingual second-grader who mixes letters
    Pupil(
        ["чтение"],
        ("logoped", "nach_shkola", "rki"),
        "2А",
        request_text="читает плохо, путает буквы б-д, в семье говорят на узбекском",
    ),
    # hard: two needs, the language is the barrier
    Pupil(
        ["подготовка к поступлению в колледж"],
        ("rki", "trudovik"),
        "9В",
        request_text="Хочет после 9 класса в колледж на автомеханика, но плохо пишет по-русски, а там тест. "
        "Семья из Киргизии.",
    ),
    # medium
    Pupil(
        ["друзья", "язык"],
        ("rki", "nach_shkola", "psiholog"),
        "4Б",
        request_text="Не понимает заданий в учебнике, ребята дразнят из-за акцента",
    ),
    # medium: only a phrase and an area
    Pupil(["словарный запас"], ("russkiy", "rki"), "8В", areas=["Русский язык"]),
    # hard: maths named, the real need is the language
    Pupil(
        ["русский язык", "математика"],
        ("rki", "matematik"),
        "6А",
        request_text="математику понимает, в Узбекистане был отличником, а задачу прочитать не может — слов "
        "не знает",
    ),
    # medium: the parents' jobs are no request
    Pupil(
        ["помощь с домашкой"],
        ("nach_shkola", "rki"),
        "3Б",
        request_text="родители с утра до ночи на стройке, по русски дома не говорят, некому проверить уроки",
    ),
    # hard: Russian is fine, the need is social, through football
    Pupil(
        ["общение", "новые друзья"],
        ("trener", "peer_11b_kg"),
        "7А",
        request_text="Азиз хорошо говорит по-русски, но в классе держится только своих. Хочет играть в "
        "футбол с ребятами, стесняется попроситься в секцию",
    ),
    # hard: senior, essays; the nurse dream is only background
    Pupil(
        [],
        ("russkiy", "rki", "tochka_himbio"),
        "10Б",
        areas=["Литература"],
        request_text="Мадина пришла из другой школы, русский не родной, сочинения пишет слабо, итоговое "
        "сочинение в декабре. Хочет потом на медсестру",
    ),
    # easy
    Pupil(
        ["узбекский язык", "русский с нуля"],
        ("rki", "nach_shkola"),
        "1А",
        request_text="ни слова по-русски, только узбекский",
    ),
    # easy
    Pupil(
        ["чтение по-русски"],
        ("rki", "nach_shkola"),
        "2Г",
        request_text="Дома говорят по-кыргызски, мама плохо знает русский и не может помочь с чтением",
    ),
    # hard: the father's job and country, two requests
    Pupil(
        ["помочь с русским", "ОГЭ математика"],
        ("matematik", "rki", "trudovik"),
        "9В",
        request_text="Отец гражданин Таджикистана, работает на стройке в Москве, мать здесь с тремя детьми. "
        "Сам хочет в колледж на электрика, по матеше пробник на 2",
    ),
    # hard: Tajik boy with good Russian, parents forbid visits
    Pupil(
        ["одиночество"],
        ("psiholog", "peer_11b_kg"),
        "6Б",
        request_text="Мальчик из Таджикистана, русский знает хорошо, но на переменах один, родители не "
        "разрешают ходить в гости и на кружки",
    ),
    # medium
    Pupil(
        ["понимать учителя на уроках"],
        ("rki", "peer_11b_kg"),
        "8Б",
        areas=["Русский язык", "История"],
        request_text="Приехали из Оша летом. По истории и географии ничего не понимает, термины незнакомые",
    ),
    # hard: RKI is refused by the family, she needs an ordinary tutor
    Pupil(
        ["русский язык"],
        ("russkiy",),
        "9А",
        request_text="Русский у нас родной!! не надо к РКИ. ОГЭ пробник на 2, нужна нормальная подготовка",
    ),
    # medium: interpreter for the family, a child overloaded
    Pupil(
        ["устала", "много обязанностей"],
        ("psiholog", "socped"),
        "7В",
        request_text="Гульнора старшая из пятерых, переводит родителям в поликлинике и миграционной, "
        "пропускает уроки из-за этого",
    ),
    # --- pupils with ОВЗ ---
    # easy
    Pupil(["ЗПР, АООП вариант 7.2"], ("tyutor_defektolog", "nach_shkola"), "2Б", special_needs=True),
    # easy
    Pupil(
        ["звукопроизношение"],
        ("logoped",),
        "1А",
        request_text="не выговаривает Р и Ш",
        special_needs=True,
    ),
    # easy
    Pupil(
        ["ТНР", "дисграфия"],
        ("logoped", "nach_shkola"),
        "4А",
        request_text="Русский - 2, пишет как слышит, пропускает буквы",
        special_needs=True,
    ),
    # easy
    Pupil(
        ["РАС"],
        ("tyutor_defektolog",),
        "3А",
        request_text="Тяжело переносит шум и смену расписания, нужен тьютор на переменах",
        special_needs=True,
    ),
    # medium
    Pupil(
        ["УО лёгкая степень", "трудовое обучение"],
        ("tyutor_defektolog", "remesla_folklor"),
        "8Б",
        request_text="Вариант 9.1. Нравится работать руками, помогает деду по хозяйству.",
        special_needs=True,
    ),
    # medium
    Pupil(
        ["слабовидящий", "адаптация"],
        ("psiholog", "tyutor_defektolog"),
        "5В",
        request_text="Зрение -7, астигматизм, сидит за первой партой. В 5 кл. много новых учителей и "
        "кабинетов, теряется",
        special_needs=True,
    ),
    # medium
    Pupil(
        ["ЗПР", "математика"],
        ("matematik", "tyutor_defektolog"),
        "6Г",
        request_text="не знает таблицу умножения до сих пор",
        special_needs=True,
    ),
    # hard: speech, language and no kindergarten
    Pupil(
        ["развитие речи"],
        ("logoped", "rki", "nach_shkola"),
        "1Б",
        request_text="Ребёнок дома говорит только на таджикском, в садик не ходил. Логопед на ПМПК "
        "рекомендовала занятия.",
    ),
    # hard: autism, technology, what after grade 9
    Pupil(
        ["РАС", "профориентация"],
        ("tyutor_defektolog", "psiholog", "tochka_robot"),
        "9А",
        request_text="Андрей, высокофункциональный аутизм, очень любит технику и схемы, собирает модели. "
        "Что делать после 9?",
        special_needs=True,
    ),
    # medium
    Pupil(
        ["ОВЗ", "подготовка к ГВЭ"],
        ("matematik", "tyutor_defektolog"),
        "9Б",
        request_text="ЗПР, сдаёт ГВЭ по математике и русскому вместо ОГЭ",
        special_needs=True,
    ),
    # easy
    Pupil(
        ["дислексия"],
        ("logoped", "tyutor_defektolog"),
        "5А",
        request_text="читает по слогам, медленно, быстро устаёт",
        special_needs=True,
    ),
    # medium: no ОВЗ status, attention
    Pupil(
        ["гиперактивность", "внимание"],
        ("psiholog", "nach_shkola"),
        "3Г",
        request_text="Невнимательный, вертится, мешает классу. Мама говорит, что дома всё время в телефоне.",
    ),
    # hard: shy pupil with ТНР who loves clay
    Pupil(
        [],
        ("psiholog", "remesla_folklor"),
        "7Б",
        request_text="ребенок с ОВЗ (ТНР), стесняется отвечать у доски, на уроках молчит. Любит лепить из "
        "глины",
        special_needs=True,
    ),
    # medium
    Pupil(
        ["социализация", "хочет в ансамбль"],
        ("remesla_folklor", "tyutor_defektolog"),
        "5Б",
        request_text="Обучается по АООП для детей с УО, хочет ходить в ансамбль, но боится, что засмеют",
        special_needs=True,
    ),
    # hard: visual impairment and chemistry in a senior grade
    Pupil(
        ["химия"],
        ("tochka_himbio", "psiholog"),
        "10Б",
        request_text="Хочет в медколледж, химию любит, но в лаборатории плохо видит шкалы, нужен крупный "
        "шрифт",
        special_needs=True,
    ),
    # easy
    Pupil(
        ["ЗПР", "чтение", "пересказ"],
        ("nach_shkola", "logoped", "tyutor_defektolog"),
        "4В",
        special_needs=True,
    ),
    # medium
    Pupil(
        ["РАС", "друзья"],
        ("tyutor_defektolog", "psiholog"),
        "6В",
        request_text="хочет дружить, но не понимает шуток и обижается. Увлекается поездами и расписаниями "
        "электричек",
        special_needs=True,
    ),
    # hard: life after school for a boarder with УО
    Pupil(
        ["подготовка к жизни после школы", "бытовые навыки"],
        ("tyutor_defektolog", "vospitatel_internat"),
        "9В",
        request_text="УО, живёт в интернате, после 9 кл. в колледж на повара, не умеет считать сдачу в "
        "магазине",
        special_needs=True,
    ),
    # easy
    Pupil(["логопед"], ("logoped",), "2В"),
    # hard: dysgraphia at exam age, the logoped works with younger pupils
    Pupil(
        ["дисграфия", "ОГЭ русский"],
        ("russkiy", "tyutor_defektolog", "psiholog"),
        "9Г",
        request_text="Дисграфия с начальной школы, на ОГЭ положено доп. время, но всё равно боится",
        special_needs=True,
    ),
    # hard: ЗПР and a wish to wrestle
    Pupil(
        ["спорт"],
        ("trener", "tyutor_defektolog"),
        "7Б",
        request_text="ОВЗ (ЗПР), хочет в секцию борьбы но стесняется, думает не возьмут",
        special_needs=True,
    ),
    # hard: autism, the museum as a special interest
    Pupil(
        ["музей", "ОВЗ"],
        ("tyutor_defektolog", "istorik_muzey"),
        "6Б",
        request_text="РАС, очень любит старинные вещи, часами рассматривает экспонаты и запоминает даты",
        special_needs=True,
    ),
    # medium
    Pupil(
        ["керамика"],
        ("remesla_folklor", "tyutor_defektolog"),
        "9А",
        request_text="УО, после школы хочет работать руками",
        special_needs=True,
    ),
    # easy
    Pupil(
        ["логопед", "5 класс"],
        ("logoped",),
        "5Б",
        request_text="ОНР III уровня, в началке занимался с логопедом, хотим продолжить",
        special_needs=True,
    ),
    # medium
    Pupil(
        ["дружба", "ОВЗ слабовидение"],
        ("psiholog", "nach_shkola"),
        "2А",
        request_text="очки с толстыми линзами, дразнят «очкариком», плачет дома",
        special_needs=True,
    ),
    # hard: autism and a clear hobby
    Pupil(
        ["робототехника", "РАС"],
        ("tochka_robot", "tyutor_defektolog"),
        "5Г",
        request_text="Тимур, РАС, собирает конструктор по схемам часами, в кружок один не пойдёт",
        special_needs=True,
    ),
    # hard: ЗПР, farm animals
    Pupil(
        ["ветеринар", "ОВЗ"],
        ("tyutor_defektolog", "vet_kolledzh"),
        "7В",
        request_text="ЗПР. Любит кур и кроликов, дома ухаживает сам. Мечтает работать на ферме",
        special_needs=True,
    ),
    # easy
    Pupil(["проблемы с речью", "заикание"], ("logoped", "psiholog"), "3Б"),
    # medium: only an area, ОВЗ, maths in grade 7
    Pupil(
        [],
        ("matematik", "tyutor_defektolog"),
        "7Г",
        areas=["Математика", "Алгебра"],
        special_needs=True,
    ),
    # medium: a first-grader with УО
    Pupil(
        ["адаптация", "УО"],
        ("tyutor_defektolog", "nach_shkola"),
        "1В",
        request_text="Инклюзивно в общем классе, не сидит весь урок, уходит из класса",
        special_needs=True,
    ),
    # --- at risk ---
    # easy
    Pupil(
        ["ПДН", "прогулы"],
        ("socped", "trener"),
        "8Г",
        request_text="На учёте в ПДН за кражу в магазине. Пропускает уроки.",
        at_risk=True,
    ),
    # medium: no request named
    Pupil(
        [],
        ("socped", "trener", "psiholog"),
        "7В",
        request_text="Связался со старшими, курит, иногда дома не ночует. Мать одна, работает вахтой.",
        at_risk=True,
    ),
    # medium: a lost hobby
    Pupil(
        ["профилактика"],
        ("trener", "socped"),
        "9А",
        request_text="ВШУ за драку. Раньше занимался вольной борьбой, бросил в 7 классе.",
        at_risk=True,
    ),
    # hard: refuses the psychologist, wants a tractor
    Pupil(
        ["прогулы", "не хочет учиться"],
        ("trudovik", "socped"),
        "9В",
        request_text="Говорит, что после 9 пойдёт в колледж на тракториста, учиться не хочет, к психологу "
        "ходить отказывается",
        at_risk=True,
    ),
    # medium
    Pupil(
        ["семья в СОП"],
        ("socped", "psiholog", "nach_shkola"),
        "4Г",
        request_text="Отец пьёт, ребёнок приходит голодный, без формы",
        at_risk=True,
    ),
    # medium
    Pupil(
        ["опека", "адаптация"],
        ("psiholog", "socped"),
        "6А",
        request_text="Живёт у бабушки (опекун) после лишения матери родительских прав, замкнулась",
    ),
    # medium
    Pupil(
        ["воровство"],
        ("socped", "psiholog"),
        "5Г",
        request_text="Берёт чужие вещи в раздевалке, деньги у одноклассников. Дома денег нет совсем.",
        at_risk=True,
    ),
    # medium: a young pupil, aggression
    Pupil(
        ["агрессия"],
        ("psiholog", "socped"),
        "3Б",
        request_text="Дерётся на переменах, кусается, кричит на учителя",
        at_risk=True,
    ),
    # hard: police dream on the register, brother's sentence is background
    Pupil(
        ["драки"],
        ("trener", "socped"),
        "10Б",
        request_text="КДН, у старшего брата условный срок. Сам пока только на учёте, хочет в армию, потом в "
        "полицию",
        at_risk=True,
    ),
    # easy
    Pupil(
        ["вейп", "курение"],
        ("socped", "psiholog"),
        "8А",
        request_text="попались с вейпом в туалете уже третий раз",
        at_risk=True,
    ),
    # hard: wants to leave school for farm work, money at home
    Pupil(
        ["бросить школу"],
        ("socped", "psiholog", "agronom"),
        "10А",
        request_text="Хочет уйти из 10 класса работать на ферму, в семье нужны деньги, отец болеет",
        at_risk=True,
    ),
    # easy
    Pupil(
        ["самооценка", "травля"],
        ("psiholog", "socped"),
        "7Б",
        request_text="Над ней смеются в чате класса, выкладывают фото. Родителям не говорит.",
    ),
    # hard: the hook is a past interest in wood carving
    Pupil(
        ["ничего не интересует"],
        ("socped", "remesla_folklor"),
        "8В",
        request_text="ничего не интересует, только телефон и гулять. Раньше ходил на резьбу по дереву и ему "
        "нравилось",
        at_risk=True,
    ),
    # hard: refusal of the psychologist
    Pupil(
        ["конфликт с учителями"],
        ("socped", "trener"),
        "9Б",
        request_text="грубит учителям, выгоняли с урока, мать вызывали 5 раз. К психологу не пойдёт, "
        "говорит «я не псих»",
        at_risk=True,
    ),
    # hard: a fire-starter who loves the forest
    Pupil(
        ["ПДН"],
        ("socped", "lesnichestvo"),
        "6В",
        request_text="Поставлен на учёт за поджог сухой травы за гаражами. Любит лес, просится в лесничество",
        at_risk=True,
    ),
    # hard: skips because of a night job, maths exam
    Pupil(
        ["пропуски"],
        ("socped", "matematik"),
        "11Б",
        request_text="Пропускает, т.к. работает в ночь на пилораме. ЕГЭ базу по математике может не сдать",
        at_risk=True,
    ),
    # medium
    Pupil(
        ["алкоголь в семье"],
        ("socped", "psiholog"),
        "5А",
        request_text="мама выпивает, младших трое, он за старшего. Уроки не делает, засыпает на первом уроке",
        at_risk=True,
    ),
    # hard: gambling
    Pupil(
        ["игромания", "ставки"],
        ("psiholog", "socped", "fingram"),
        "10Б",
        request_text="проиграл деньги в онлайн-казино, брал у матери с карты без спроса",
        at_risk=True,
    ),
    # hard: theft, likes models
    Pupil(
        ["ПДН"],
        ("socped", "trudovik"),
        "7А",
        request_text="Кража велосипеда у соседа. Хорошо мастерит, клеит модели танков, в гараже с дедом",
        at_risk=True,
    ),
    # medium
    Pupil(
        ["конфликт с отчимом"],
        ("socped", "psiholog"),
        "8В",
        request_text="дома конфликт с отчимом, уходит из дома к друзьям на несколько дней",
        at_risk=True,
    ),
    # medium: a second-grader under guardianship proceedings
    Pupil(
        ["плохое поведение"],
        ("psiholog", "socped", "nach_shkola"),
        "2Г",
        request_text="Бьёт детей. Семья, где опека ограничила родителей в правах",
        at_risk=True,
    ),
    # hard: pottery as the only calm place
    Pupil(
        ["гончарка"],
        ("remesla_folklor", "socped"),
        "10Б",
        request_text="На учёте ПДН. На гончарке единственное место где он спокоен",
        at_risk=True,
    ),
    # medium
    Pupil(
        ["аттестат", "двойки"],
        ("socped", "matematik"),
        "9Г",
        request_text="4 двойки за четверть, может не допуститься к ОГЭ, а в колледж без аттестата не возьмут",
        at_risk=True,
    ),
    # easy
    Pupil(
        ["футбол"],
        ("trener", "socped"),
        "5В",
        request_text="ВШУ, мать просит занять его после уроков хоть чем-то",
        at_risk=True,
    ),
    # medium: boarder running away at night
    Pupil(
        ["интернат", "режим"],
        ("vospitatel_internat", "socped"),
        "8В",
        request_text="В интернате сбегает после отбоя, возвращается под утро",
        at_risk=True,
    ),
    # hard: refuses the psychologist, police career, overweight
    Pupil(
        [],
        ("trener", "psiholog"),
        "9А",
        request_text="хочу после 9 кл в полицейский колледж, но у меня тройки и я толстый",
    ),
    # medium: truancy without a register
    Pupil(
        ["прогулы"],
        ("socped",),
        "6Г",
        request_text="прогуливает первые уроки, говорит что проспал, родители в ночную смену на птицефабрике",
    ),
    # --- agro class, farm and machinery ---
    # easy
    Pupil(
        ["агрокласс", "агрономия"],
        ("agronom",),
        "10А",
        request_text="Хочет поступать в аграрный университет на агронома",
    ),
    # easy
    Pupil(
        ["ветеринар"],
        ("vet_kolledzh", "peer_11a_vet"),
        "8Б",
        request_text="Хочу быть ветеринаром, у нас дома корова и козы",
    ),
    # easy: the father's job matches the request
    Pupil(
        ["трактор", "механизатор"],
        ("trudovik",),
        "9А",
        request_text="Папа механизатор в СХП. Хочу тоже на трактор, права тракториста дают с 16?",
    ),
    # medium: area only with a text
    Pupil(
        [],
        ("agronom", "tochka_himbio"),
        "10А",
        areas=["Биология"],
        request_text="Агрокласс. Проект про урожайность картофеля на опытном участке, нужна помощь с "
        "методикой",
    ),
    # medium
    Pupil(
        ["животноводство"],
        ("vet_kolledzh", "peer_11a_vet"),
        "7Б",
        request_text="любит животных, хочет на ферму на практику летом",
    ),
    # hard: agro words, but grade 6 is below the agronomist's grades
    Pupil(
        ["теплица", "проект"],
        ("lesnichestvo",),
        "6А",
        request_text="Хочет вырастить помидоры в школьной теплице зимой",
    ),
    # easy
    Pupil(
        ["поступление в агроколледж"],
        ("vet_kolledzh",),
        "9Б",
        request_text="после 9 кл. в колледж на ветеринарного фельдшера",
    ),
    # medium
    Pupil(["химия почвы", "удобрения"], ("agronom", "tochka_himbio"), "11А"),
    # hard: dogs in grade 5, the vet teacher takes from grade 7
    Pupil(
        ["собаки"],
        ("peer_11a_vet",),
        "5В",
        request_text="Хочет дрессировать собак, может быть кинологом в полиции",
    ),
    # medium
    Pupil(["ЕГЭ биология", "ветеринария"], ("tochka_himbio", "vet_kolledzh"), "11А"),
    # easy
    Pupil(
        ["сварка", "ремонт"],
        ("trudovik",),
        "8Г",
        request_text="с отцом в гараже всё время, хочет научиться варить",
    ),
    # easy
    Pupil(
        ["водительские права"],
        ("trudovik",),
        "10Б",
        request_text="хочет получить права тракториста и кат. В, пока учится в школе",
    ),
    # hard: farming business, grants
    Pupil(
        ["агробизнес", "своё фермерское хозяйство"],
        ("agronom", "fingram", "vet_kolledzh"),
        "10А",
        request_text="Хочет как дядя открыть КФХ, разводить индюков, узнать про грант «Агростартап»",
    ),
    # hard: bees in grade 7
    Pupil(
        ["пчеловодство"],
        ("lesnichestvo", "vet_kolledzh"),
        "7А",
        request_text="дед держит пасеку, внук хочет тоже",
    ),
    # hard: agro class pupil who wants IT instead
    Pupil(
        ["агрокласс"],
        ("tochka_robot", "psiholog"),
        "10А",
        request_text="В агрокласс записали родители, сам хочет в IT, с сельским хозяйством жизнь связывать "
        "не хочет",
    ),
    # hard: the mother's profession is pushed, the girl wants the police
    Pupil(
        ["ветеринария"],
        ("psiholog", "fingram", "trener"),
        "11А",
        request_text="Мама ветврач, настаивает на вете, а дочь хочет в полицию, следователем",
    ),
    # hard: drones for spraying fields
    Pupil(
        ["квадрокоптер", "дроны"],
        ("tochka_robot", "agronom"),
        "10А",
        request_text="агрокласс, хочет сделать проект по дронам для опрыскивания полей",
    ),
    # hard: precision farming, machinery and electronics
    Pupil(
        ["беспилотный трактор"],
        ("trudovik", "agronom", "tochka_robot"),
        "11А",
        request_text="Агрокласс, хочет в инженеры по точному земледелию — GPS, автопилот на комбайнах",
    ),
    # hard: no motivation, the farm as a way back to learning
    Pupil(
        ["мотивация"],
        ("agronom", "vet_kolledzh"),
        "8Б",
        request_text="Учиться не хочет, рвётся на ферму к деду, говорит «зачем мне ваша химия»",
    ),
    # medium
    Pupil(
        ["экология"],
        ("agronom", "lesnichestvo"),
        "10А",
        request_text="агрокласс, проект про пестициды и гибель пчёл",
    ),
    # medium: boarder in the agro class
    Pupil(
        ["адаптация", "интернат"],
        ("vospitatel_internat", "psiholog"),
        "10А",
        request_text="поступил в агрокласс из соседнего района, живёт в интернате, ни с кем не знаком",
    ),
    # medium: hydroponics in an ordinary class
    Pupil(
        ["индивидуальный проект 10 класс"],
        ("tochka_himbio", "agronom"),
        "10Б",
        request_text="тема про гидропонику, нужен руководитель",
    ),
    # easy
    Pupil(["автомеханик"], ("trudovik",), "9Г"),
    # medium: the horse lover
    Pupil(
        ["лошади"],
        ("vet_kolledzh", "peer_11a_vet"),
        "8А",
        request_text="Ходит на конюшню в Берёзовке, хочет ухаживать за лошадьми по-настоящему",
    ),
    # --- subjects and exams ---
    # easy
    Pupil(["ОГЭ математика"], ("matematik",), "9В"),
    # easy
    Pupil(
        ["математика"],
        ("matematik", "peer_10b_robot"),
        "5Б",
        request_text="Математика - 2 за четверть, дроби не понимает",
    ),
    # easy
    Pupil(["ЕГЭ русский"], ("russkiy",), "11Б"),
    # easy
    Pupil(["ОГЭ химия"], ("tochka_himbio",), "9А"),
    # easy
    Pupil(["ОГЭ по физике"], ("tochka_robot",), "9Б"),
    # easy
    Pupil(["информатика ОГЭ", "программирование"], ("tochka_robot",), "9Г"),
    # easy
    Pupil(["история", "ЕГЭ"], ("istorik_muzey",), "11Б"),
    # easy
    Pupil(
        ["обществознание"],
        ("fingram", "istorik_muzey"),
        "9А",
        request_text="выбрал общество на ОГЭ, путается в праве",
    ),
    # easy
    Pupil(["география ОГЭ"], ("lesnichestvo",), "9В"),
    # easy
    Pupil(["литература", "сочинение"], ("russkiy",), "10Б"),
    # medium: biology in grade 7
    Pupil(
        ["биология"],
        ("lesnichestvo",),
        "7В",
        request_text="не понимает биологию, тройка, учебник скучный",
    ),
    # easy
    Pupil(["геометрия"], ("matematik",), "8А"),
    # medium
    Pupil(["проценты, задачи"], ("matematik", "peer_10b_robot"), "6В"),
    # medium: fractions in grade 4
    Pupil(["дроби"], ("nach_shkola",), "4А"),
    # medium
    Pupil(
        ["физика", "не понимаю формулы"],
        ("tochka_robot", "matematik"),
        "8Б",
    ),
    # easy
    Pupil(
        ["ЕГЭ химия", "медицина"],
        ("tochka_himbio",),
        "11Б",
        request_text="хочет в мед, но на бюджет с её баллами не пройти — думает про медколледж",
    ),
    # hard: native Russian, just does not learn the rules
    Pupil(
        ["подтянуть русский"],
        ("russkiy",),
        "7Г",
        request_text="Русский - 2, Литература - 3. Семья русская, просто не учит правила.",
    ),
    # medium
    Pupil(["читательская грамотность"], ("russkiy",), "5В"),
    # medium: profile maths, a physics teacher can help too
    Pupil(
        ["подготовка к ЕГЭ по профильной математике"],
        ("matematik", "tochka_robot"),
        "11Б",
    ),
    # easy
    Pupil(["олимпиада по биологии"], ("tochka_himbio", "lesnichestvo"), "8А"),
    # hard: two weak subjects, the choice of an exam
    Pupil(
        ["ОГЭ"],
        ("lesnichestvo", "tochka_himbio"),
        "9Г",
        request_text="ОГЭ: русский и матем сдаёт, проблема с выбором — биология или география, по обеим 3",
    ),
    # hard: chemistry before grade 8, the chemistry teacher takes from grade 8
    Pupil(
        ["химия"],
        ("peer_11a_vet",),
        "7А",
        request_text="химию ещё не проходят, но очень хочет опыты делать в Точке роста",
    ),
    # hard: good at maths, the need is not studies
    Pupil(
        [],
        ("psiholog",),
        "8А",
        areas=["Математика"],
        request_text="по математике всё хорошо (5), помощь нужна не с учёбой: не может найти общий язык с "
        "одноклассниками",
    ),
    # hard: all subjects weak, nobody at home
    Pupil(
        ["помощь"],
        ("peer_11a_vet", "matematik"),
        "6А",
        request_text="Просто нужна помощь, по всем предметам тройки, дома никто не занимается, мать в "
        "декрете с близнецами",
    ),
    # medium
    Pupil(
        ["с чего начать проект"],
        ("istorik_muzey",),
        "8А",
        request_text="Нужен индивидуальный проект, тема не выбрана, интересуется историей своего села",
    ),
    # easy
    Pupil(["ЕГЭ обществознание"], ("fingram",), "11А"),
    # easy
    Pupil(["история ОГЭ", "даты"], ("istorik_muzey",), "9Б"),
    # easy
    Pupil(["ЕГЭ биология"], ("tochka_himbio",), "11А", request_text="на зоотехника в аграрный"),
    # easy
    Pupil(["писать без ошибок"], ("nach_shkola", "logoped"), "3Г"),
    # medium: slang
    Pupil(
        ["матеша", "алгебра"],
        ("matematik",),
        "8В",
        request_text="короче алгебру вообще не вывожу, с 7 кл запустил",
    ),
    # medium
    Pupil(
        ["конкурс чтецов", "стихи"],
        ("russkiy", "remesla_folklor"),
        "6В",
    ),
    # --- robotics and IT ---
    # easy
    Pupil(["робототехника"], ("tochka_robot", "peer_10b_robot"), "6Б"),
    # medium
    Pupil(
        ["программирование игр"],
        ("peer_10b_robot", "tochka_robot"),
        "7А",
        request_text="Сидит в играх всё время, хочет сам сделать игру",
    ),
    # medium
    Pupil(
        ["IT", "профориентация"],
        ("tochka_robot", "psiholog"),
        "9Б",
        request_text="хочет в айти, но не знает куда после 9 класса — колледж или 10 класс",
    ),
    # easy
    Pupil(["3D-печать"], ("tochka_robot",), "8В"),
    # medium
    Pupil(["Scratch", "мультики"], ("tochka_robot", "peer_10b_robot"), "5А"),
    # easy
    Pupil(["олимпиада по информатике"], ("tochka_robot",), "10Б"),
    # easy: the father's IT job matches
    Pupil(
        ["программист"],
        ("tochka_robot",),
        "8Б",
        request_text="мечтает стать программистом, папа тоже айтишник на удалёнке",
    ),
    # hard: a health exemption, an area that is not the request
    Pupil(
        [],
        ("tochka_robot",),
        "8Г",
        areas=["Физкультура"],
        request_text="освобождение от физры после операции на сердце, хочет заниматься чем-то где не надо "
        "бегать, может роботы",
    ),
    # hard: a gifted third-grader, all technical mentors take older pupils
    Pupil(
        [],
        ("nach_shkola",),
        "3В",
        request_text="Учится хорошо, скучает на уроках, всё время спрашивает про роботов и космос",
    ),
    # --- museum, crafts, folk ensemble, forestry ---
    # easy
    Pupil(["краеведение"], ("istorik_muzey",), "6Г"),
    # easy
    Pupil(
        ["экскурсовод в музее"],
        ("istorik_muzey",),
        "8Б",
        request_text="хочет водить экскурсии в школьном музее для младших",
    ),
    # easy
    Pupil(
        ["история семьи", "Бессмертный полк"],
        ("istorik_muzey",),
        "5Б",
        request_text="Прадед воевал под Сталинградом, хочет узнать больше и сделать проект",
    ),
    # easy
    Pupil(["резьба по дереву"], ("remesla_folklor", "trudovik"), "7Г"),
    # easy
    Pupil(["гончарное дело"], ("remesla_folklor",), "3А"),
    # easy
    Pupil(["народные песни", "ансамбль"], ("remesla_folklor",), "2Б"),
    # easy
    Pupil(["лесничество"], ("lesnichestvo",), "7В"),
    # easy
    Pupil(
        ["экология", "посадка леса"],
        ("lesnichestvo",),
        "6Б",
        request_text="хочет участвовать в акции «Сад памяти»",
    ),
    # medium
    Pupil(["походы", "туризм"], ("lesnichestvo",), "8А"),
    # medium
    Pupil(
        ["танцы"],
        ("remesla_folklor",),
        "4В",
        request_text="любит танцевать, а на хореографию в ДК далеко возить",
    ),
    # easy
    Pupil(["поисковый отряд"], ("istorik_muzey",), "10Б"),
    # medium
    Pupil(["вышивка", "рукоделие"], ("remesla_folklor",), "6А"),
    # medium: the mother's objection is background
    Pupil(
        [],
        ("remesla_folklor",),
        "5Г",
        areas=["Музыка"],
        request_text="Поёт хорошо, хочет в ансамбль «Зарянка», мама против поездок на конкурсы",
    ),
    # medium
    Pupil(
        ["лес", "профессия лесничий"],
        ("lesnichestvo",),
        "9А",
        request_text="хочет после 9 в лесной техникум",
    ),
    # hard: the father is a vet, the child draws ornaments
    Pupil(
        ["рисование"],
        ("remesla_folklor",),
        "6Б",
        request_text="Папа ветеринар в районной ветстанции, но ребёнок к животным равнодушен — всё время "
        "рисует узоры, орнаменты",
    ),
    # medium: folk theatre for the little ones
    Pupil(["сказки", "театр"], ("remesla_folklor", "nach_shkola"), "1Б"),
    # medium: a summer job in the forestry
    Pupil(
        ["чем заняться летом"],
        ("lesnichestvo", "socped"),
        "8Б",
        request_text="хочет летом в трудовой отряд при лесничестве, заработать",
    ),
    # hard: public speaking through the museum
    Pupil(
        ["уверенность", "выступать на публике"],
        ("psiholog", "istorik_muzey"),
        "7А",
        request_text="боится выступать перед классом, краснеет, на защите проекта расплакалась",
    ),
    # medium
    Pupil(
        ["масленица", "народные праздники"],
        ("remesla_folklor", "istorik_muzey"),
        "5А",
    ),
    # hard: carving wanted, but the grandfather's sawmill is no request
    Pupil(
        [],
        ("remesla_folklor", "trudovik"),
        "9Б",
        areas=["Технология"],
        request_text="Дед всю жизнь на пилораме, а внук хочет не пилить, а резать наличники как в музее",
    ),
    # --- boarders, feelings, family ---
    # easy
    Pupil(
        ["интернат", "скучает по дому"],
        ("vospitatel_internat", "psiholog", "peer_11a_vet"),
        "5В",
        request_text="Из с. Малая Дубрава, живёт в интернате с сентября, плачет по вечерам, звонит маме",
    ),
    # medium
    Pupil(
        ["адаптация"],
        ("psiholog", "peer_11b_kg"),
        "5А",
        request_text="переход в 5 класс, много учителей, забывает кабинеты и расписание",
    ),
    # easy
    Pupil(["тревожность перед экзаменами"], ("psiholog",), "9Б"),
    # medium
    Pupil(
        ["самоподготовка", "домашние задания"],
        ("vospitatel_internat", "matematik"),
        "6В",
        request_text="Живёт в интернате, с д/з некому помочь, отстаёт по всем предметам",
    ),
    # easy
    Pupil(
        ["адаптация к школе"],
        ("psiholog", "nach_shkola"),
        "1В",
        request_text="плачет утром, не хочет идти в школу",
    ),
    # medium
    Pupil(
        ["друзья"],
        ("psiholog", "peer_11b_kg"),
        "8Г",
        request_text="Переехали из Самары, в классе ни с кем не общается",
    ),
    # easy
    Pupil(["развод родителей"], ("psiholog",), "4А"),
    # medium: a father killed in the war
    Pupil(
        ["горе", "оценки упали"],
        ("psiholog", "socped"),
        "10Б",
        request_text="после гибели отца (СВО) замкнулся, оценки упали, на вопросы отвечает «норм»",
    ),
    # medium
    Pupil(
        ["лидерство", "совет обучающихся"],
        ("peer_11b_kg", "fingram"),
        "8А",
    ),
    # medium
    Pupil(
        ["выгорание"],
        ("psiholog",),
        "11Б",
        request_text="устала, ничего не хочет, ЕГЭ давит, родители ждут 90+",
    ),
    # easy
    Pupil(["общение с девочками", "стеснительность"], ("psiholog",), "9В"),
    # hard: the boarder's homesickness in a senior grade, not a peer's age
    Pupil(
        [],
        ("vospitatel_internat", "psiholog"),
        "9Г",
        request_text="домой только на выходные, в общаге соседи по комнате забирают еду, жаловаться боится",
    ),
    # medium: a new first-grader from a village
    Pupil(
        ["новенький"],
        ("nach_shkola", "psiholog"),
        "2В",
        request_text="Перевели из малокомплектной сельской школы, в классе было 4 человека, тут 27",
    ),
    # hard: a social worry phrased as money
    Pupil(
        ["нет денег на кружки"],
        ("socped",),
        "5Б",
        request_text="многодетная семья, на форму для борьбы и поездки денег нет, стыдно говорить тренеру",
    ),
    # --- money ---
    # easy
    Pupil(["финансовая грамотность"], ("fingram",), "8Б"),
    # medium
    Pupil(
        ["карманные деньги", "накопить на телефон"],
        ("fingram",),
        "7Г",
    ),
    # medium: the grandmother's story is background
    Pupil(
        ["мошенники", "кредиты"],
        ("fingram",),
        "10А",
        request_text="бабушку обманули по телефону, хочет разобраться и провести урок для пожилых в ДК",
    ),
    # medium
    Pupil(
        ["бизнес-план"],
        ("fingram",),
        "9Б",
        request_text="продаёт браслеты через интернет, хочет понять про налоги и самозанятость",
    ),
    # medium
    Pupil(
        ["подработка", "деньги"],
        ("socped", "fingram"),
        "9В",
        request_text="Семья малоимущая, хочет летом подработать, куда можно с 14 лет",
    ),
    # --- careers ---
    # easy
    Pupil(["профориентация"], ("psiholog",), "9А", request_text="не знает кем быть"),
    # medium
    Pupil(["хочу в полицию"], ("trener", "fingram"), "10Б"),
    # easy
    Pupil(["медсестра", "медколледж"], ("tochka_himbio",), "9В"),
    # medium
    Pupil(
        ["стать учителем истории"],
        ("istorik_muzey",),
        "10А",
        request_text="Хочет поступать в пед на историка, как её учительница",
    ),
    # medium
    Pupil(["МЧС", "спасатель"], ("trener",), "8А"),
    # medium
    Pupil(["военное училище"], ("trener",), "11Б", request_text="нормативы по подтягиванию не сдаёт"),
    # easy
    Pupil(["фармацевт"], ("tochka_himbio",), "10Б"),
    # medium: follows the mother's job, which is the request too
    Pupil(
        ["медицина", "сельский фельдшер"],
        ("tochka_himbio",),
        "10Б",
        request_text="Мама фельдшер ФАПа, дочь тоже хочет — по стопам",
    ),
    # hard: wants to stay for grade 10, the family says college
    Pupil(
        ["не хочет в колледж"],
        ("psiholog", "russkiy"),
        "9Б",
        request_text="Все в семье после 9 класса идут в агроколледж, а она хочет остаться в 10 и поступать "
        "на учителя",
    ),
    # easy
    Pupil(
        ["ГТО"],
        ("trener",),
        "6Г",
    ),
    # easy
    Pupil(["лёгкая атлетика", "соревнования"], ("trener",), "7Б"),
    # medium: electrician
    Pupil(
        ["электрик"],
        ("trudovik", "tochka_robot"),
        "8Б",
        request_text="разбирает всё что в доме есть, хочет стать электриком как отец",
    ),
    # hard: college after grade 9, undecided between vet and cook
    Pupil(
        ["куда после 9"],
        ("psiholog", "vet_kolledzh"),
        "9В",
        request_text="после 9 точно уйдёт, в колледж или на ветеринара, или на повара, сам не решил",
    ),
]
