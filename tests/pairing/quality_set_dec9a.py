"""Dec9a: a small-town school in the Central Russian black-earth region, about 700 pupils.

The school has a chemistry-biology class in 10-11 (10А, 11А), a universal class (10Б, 11Б) and a
mixed 10В; a railway depot sponsors it and takes future railway workers for practice; the children's
art school is next door; there is a school theatre, a volunteer squad, and a sports hall with
volleyball and sambo. Many pupils come from the villages by school bus; a few refugee families from
the border regions (Belgorod and Kursk oblasts) have arrived; there are pupils with ОВЗ (ЗПР,
dyslexia, a girl and a boy with cerebral palsy on wheelchairs) and pupils at risk (ПДН, КДН).

A blind labelled set for the quality of matching, written on 7 December 2026 by a writer who had read
neither the engine's vocabulary nor its meaning and matching code, nor any other labelled set's
pupils, nor the bench's output.
"""

from .quality_set import Pupil, Teacher

DEC9A_MENTORS: list[Teacher] = [
    Teacher(
        key="chembio",
        competencies=[
            "химия и биология",
            "ЕГЭ хим/био",
            "олимпиады по химии",
            "поступление в медвуз",
            "лаб. работы",
        ],
        subject="Химия, биология",
        interests=["ботаника", "пришкольный участок"],
        age=46,
        capacity=14,
        preferred_grades="8-11",
    ),
    Teacher(
        key="rusl",
        competencies=["русский язык и литература", "ОГЭ/ЕГЭ рус.яз", "итоговое сочинение", "школьная газета"],
        subject="Русский язык, литература",
        interests=["поэзия", "краеведческие чтения"],
        age=52,
        capacity=12,
        preferred_grades="5–11",
    ),
    Teacher(
        key="mathphys",
        competencies=["математика", "физика", "ОГЭ/ЕГЭ (профиль)", "геометрия с нуля", "задачи по физике"],
        subject="Математика и физика",
        interests=["шахматы", "радиотехника"],
        age=39,
        capacity=12,
        preferred_grades="с 7 по 11 кл.",
    ),
    Teacher(
        key="histsoc",
        competencies=["история", "обществознание", "краеведение, школьный музей", "ЕГЭ общество", "право"],
        subject="История и обществознание",
        interests=["поисковый отряд", "военная история"],
        age=58,
        capacity=10,
        preferred_grades="5-11 кл",
    ),
    Teacher(
        key="engl",
        competencies=["англ. яз", "подтянуть грамматику", "ОГЭ/ЕГЭ по английскому", "разговорный клуб"],
        subject="Английский язык",
        interests=["сериалы на англ.", "путешествия"],
        age=31,
        capacity=8,
        preferred_grades="2-11",
    ),
    Teacher(
        key="nachalka",
        competencies=["нач. классы", "адаптация первоклассников", "техника чтения", "ВПР 4 кл", "инклюзия"],
        subject="Начальные классы",
        interests=["рукоделие", "кукольный театр"],
        age=44,
        capacity=12,
        special_needs_trained=True,
        preferred_grades="1–4",
    ),
    Teacher(
        key="psych",
        competencies=["педагог-психолог", "тревожность", "кризисные ситуации", "конфликты", "травма, потеря"],
        subject="Психолог",
        age=36,
        capacity=7,
        special_needs_trained=True,
        at_risk_experience=True,
        preferred_grades="",
    ),
    Teacher(
        key="socped",
        competencies=["соц. педагог", "ПДН/КДН", "семьи в ТЖС", "опека", "беженцы, ПВР", "прогулы"],
        subject="Социальный педагог",
        age=49,
        capacity=12,
        at_risk_experience=True,
        preferred_grades="",
    ),
    Teacher(
        key="logoped",
        competencies=[
            "учитель-логопед",
            "дефектолог",
            "дислексия/дисграфия",
            "ЗПР, АООП",
            "звукопроизношение",
        ],
        subject="Логопед-дефектолог",
        age=41,
        capacity=10,
        special_needs_trained=True,
        preferred_grades="1-9",
    ),
    Teacher(
        key="biblio",
        competencies=["библиотекарь", "чтение для удовольствия", "книжный клуб", "индивидуальный проект"],
        subject="Библиотека",
        interests=["фэнтези", "настольные игры"],
        age=55,
        capacity=10,
        preferred_grades="",
    ),
    Teacher(
        key="proforient",
        competencies=["профориентация", "Билет в будущее", "колледжи после 9", "профпробы", "выбор вуза"],
        subject="Педагог-навигатор",
        age=34,
        capacity=12,
        preferred_grades="7–11",
    ),
    Teacher(
        key="trener",
        competencies=["физкультура", "волейбол", "самбо", "ГТО", "работа с трудными подростками"],
        subject="Физическая культура",
        interests=["рыбалка"],
        age=45,
        capacity=12,
        at_risk_experience=True,
        preferred_grades="с 3 по 11",
    ),
    Teacher(
        key="hudozhnik",
        competencies=["художник", "рисунок, живопись", "портфолио в худ. училище", "скетчинг", "дизайн"],
        subject="Преподаватель ДХШ (соседняя художка)",
        interests=["пленэр", "иконопись"],
        age=50,
        capacity=10,
        preferred_grades="3-11",
    ),
    Teacher(
        key="teatr",
        competencies=["школьный театр", "сценическая речь", "уверенность на сцене", "инклюзивная студия"],
        subject="Руководитель театральной студии, учитель музыки",
        interests=["вокал", "КВН"],
        age=38,
        capacity=10,
        special_needs_trained=True,
        preferred_grades="4-11 кл.",
    ),
    Teacher(
        key="depo",
        competencies=[
            "инженер локомотивного депо",
            "ж/д профессии",
            "целевое обучение РЖД",
            "электротехника",
        ],
        subject="Наставник от предприятия (депо)",
        interests=["модели поездов", "ремонт техники"],
        age=47,
        capacity=10,
        preferred_grades="8–11",
    ),
    Teacher(
        key="medsestra",
        competencies=["медсестра ЦРБ", "первая помощь", "медколледж", "ЗОЖ", "сестринское дело"],
        subject="Внешний наставник (медицина)",
        interests=["донорство"],
        age=42,
        capacity=8,
        preferred_grades="старшие",
    ),
    Teacher(
        key="itshnik",
        competencies=[
            "программист (удалённо)",
            "Python",
            "сайты",
            "разработка игр",
            "компьютерная грамотность",
        ],
        subject="Внешний наставник (IT)",
        interests=["геймдев", "электроника"],
        age=29,
        capacity=8,
        preferred_grades="6-11",
    ),
    Teacher(
        key="vozhataya",
        competencies=[
            "советник директора по воспитанию",
            "волонтёрский отряд",
            "Движение первых",
            "адаптация новеньких",
        ],
        subject="Советник по воспитанию",
        interests=["походы", "мероприятия"],
        age=24,
        capacity=12,
        preferred_grades="5-11",
    ),
    Teacher(
        key="obzr",
        competencies=[
            "технология (труд)",
            "ОБЗР",
            "столярка, мастерская",
            "военно-патриотический клуб",
            "трудные подростки",
        ],
        subject="Труд и ОБЗР",
        interests=["мотоциклы", "ремонт машин"],
        age=53,
        capacity=10,
        at_risk_experience=True,
        preferred_grades="7-11",
    ),
    Teacher(
        key="peer_11a",
        competencies=["помогу с химией и биологией", "объясню по-простому", "как готовиться к олимпиаде"],
        subject="Химия, биология",
        interests=["волонтёрство в больнице"],
        group_name="11А",
        age=17,
        capacity=4,
        preferred_grades="5-8",
    ),
    Teacher(
        key="peer_10v",
        competencies=["тоже езжу на автобусе из села", "помогу освоиться в 5 классе", "волейбол"],
        interests=["волейбол", "рыбалка"],
        group_name="10В",
        age=16,
        capacity=4,
        preferred_grades="5–7",
    ),
    Teacher(
        key="peer_11b",
        competencies=["рисую (аниме, комиксы)", "учусь в ДХШ", "поддержу если тяжело в классе"],
        interests=["аниме", "диджитал-арт"],
        group_name="11Б",
        age=17,
        capacity=3,
        preferred_grades="5-9",
    ),
]

HELD_OUT_DEC9A: list[Pupil] = [
    # ---------------- начальная школа ----------------
    # easy: reading difficulty in 2nd grade, a logoped's case
    Pupil(
        requests=["плохо читает", "путает буквы"],
        right=("logoped", "nachalka"),
        group_name="2А",
        request_text="Мама: читает по слогам, б и д путает, в тетради каша, учительница говорит к логопеду.",
    ),
    # easy: first-grade adaptation
    Pupil(
        requests=["адаптация", "плачет по утрам"],
        right=("nachalka", "psych"),
        group_name="1Б",
        request_text="Не хочет идти в школу, по утрам плачет, говорит что в садике было лучше.",
    ),
    # easy: loves drawing, the art school next door
    Pupil(
        requests=["рисование", "хочет в художку"],
        right=("hudozhnik",),
        group_name="3В",
    ),
    # hard: dyslexia (ОВЗ) but the request is the theatre; text of the role is the obstacle
    Pupil(
        requests=["хочет в театр", "стесняется читать вслух"],
        right=("teatr", "logoped"),
        group_name="4А",
        request_text="У дочки дислексия, роль выучить хочет, а читать текст при всех боится. Мечтает о сцене.",
        special_needs=True,
    ),
    # medium: ЗПР, АООП 7.1
    Pupil(
        requests=["ЗПР", "АООП 7.1", "не успевает за классом"],
        right=("logoped", "nachalka"),
        group_name="2Б",
        special_needs=True,
    ),
    # easy: ВПР in 4th grade
    Pupil(
        requests=["ВПР по математике", "задачи на движение"],
        right=("nachalka",),
        group_name="4Б",
        areas=["математика"],
    ),
    # medium: avid reader in 3rd grade
    Pupil(
        requests=["всё перечитал в классной библиотеке", "дайте ещё книг!!"],
        right=("biblio", "nachalka"),
        group_name="3А",
    ),
    # hard: refugee first-grader, fear of loud noises after shelling
    Pupil(
        requests=["боится громких звуков"],
        right=("psych", "socped"),
        group_name="1А",
        request_text="Семья из Белгородской области, приграничье, жили под обстрелами. На пожарной тревоге в школе залез под парту и не выходил.",
    ),
    # medium: fights at break, 4th grade
    Pupil(
        requests=["дерётся на переменах", "не слушается"],
        right=("psych", "socped", "nachalka"),
        group_name="4В",
        at_risk=True,
    ),
    # easy: speech sound
    Pupil(
        requests=["не выговаривает р и л"],
        right=("logoped",),
        group_name="2В",
    ),
    # medium: village pupil, nobody to help with homework
    Pupil(
        requests=["домашку делать некому помочь"],
        right=("nachalka",),
        group_name="3Б",
        request_text="Живём в Красной Поляне, возим на автобусе, мама на ферме до вечера, уроки не проверяет никто.",
    ),
    # medium: wants sambo in 4th grade
    Pupil(
        requests=["хочу на самбо как старший брат"],
        right=("trener",),
        group_name="4А",
    ),
    # hard: cerebral palsy on wheelchair, lonely at break
    Pupil(
        requests=["подружиться", "на перемене одна"],
        right=("nachalka", "psych"),
        group_name="1В",
        request_text="Девочка на коляске (ДЦП), умненькая, но дети к ней не подходят, на перемене сидит в классе одна.",
        special_needs=True,
    ),
    # easy: draws all day
    Pupil(
        requests=["рисует целыми днями", "пленэр"],
        right=("hudozhnik",),
        group_name="3Г",
    ),
    # hard: stuttering appeared after the parents' divorce
    Pupil(
        requests=["стал заикаться"],
        right=("logoped", "psych"),
        group_name="2А",
        request_text="Мама: после того как папа ушёл из семьи, сын начал заикаться, особенно когда волнуется.",
    ),
    # easy: reciting poems on stage
    Pupil(
        requests=["читать стихи на сцене", "конкурс чтецов"],
        right=("teatr", "nachalka"),
        group_name="4Б",
    ),
    # medium: restless first-grader
    Pupil(
        requests=["не сидит на уроке", "вертится, отвлекается"],
        right=("nachalka", "psych"),
        group_name="1А",
    ),
    # medium: English in 3rd grade
    Pupil(
        requests=["англ не идёт", "слова не запоминает"],
        right=("engl",),
        group_name="3В",
        areas=["английский язык"],
    ),
    # hard: stomach aches before tests: anxiety hidden behind ВПР
    Pupil(
        requests=["ВПР", "болит живот перед контрольными"],
        right=("psych", "nachalka"),
        group_name="4Г",
        request_text="Перед каждой контрольной болит живот, ночью не спит, хотя учится на 4 и 5.",
    ),
    # easy: dysgraphia
    Pupil(
        requests=["дисграфия", "пропускает буквы"],
        right=("logoped",),
        group_name="2Б",
        special_needs=True,
    ),
    # medium: phone instead of books
    Pupil(
        requests=["не читает вообще, только телефон"],
        right=("biblio", "nachalka"),
        group_name="3А",
        request_text="Родители хотят, чтобы полюбил книги. Техника чтения нормальная, просто не интересно.",
    ),
    # medium: newcomer from Shebekino
    Pupil(
        requests=["новенький", "переехали"],
        right=("nachalka", "socped"),
        group_name="4В",
        request_text="Переехали из Шебекино в сентябре, живут у родственников. Мальчик тихий, пока ни с кем не общается.",
    ),
    # easy: art school, parents against
    Pupil(
        requests=["хочет в художественную школу, родители против"],
        right=("hudozhnik",),
        group_name="3Б",
    ),
    # medium: under guardianship, lives with grandmother
    Pupil(
        requests=["живёт с бабушкой", "опека"],
        right=("socped", "psych"),
        group_name="2В",
        request_text="Мать лишена прав, опекун — бабушка, 72 года. Ребёнок часто без сменки и без завтрака.",
        at_risk=True,
    ),
    # medium: 4th grader, a puppet/theatre lover, speech clear; theatre wins over subject
    Pupil(
        requests=["кукольный театр", "придумывать сценки"],
        right=("teatr", "nachalka"),
        group_name="4Г",
    ),
    # medium: 3rd grader wants volleyball
    Pupil(
        requests=["волейбол", "подвижный очень"],
        right=("trener",),
        group_name="3А",
    ),
    # hard: 1st grader, ОВЗ (ЗПР), the teacher's voice, speech underdeveloped
    Pupil(
        requests=[],
        right=("logoped", "nachalka"),
        group_name="1Б",
        request_text="Классный руководитель: речь бедная, инструкцию не удерживает, ПМПК рекомендовала АООП вариант 7.2.",
        special_needs=True,
    ),
    # ---------------- 5–9 классы ----------------
    # easy: transition to 5th grade
    Pupil(
        requests=["адаптация в 5 классе", "много новых учителей"],
        right=("peer_10v", "vozhataya"),
        group_name="5А",
    ),
    # medium: village bus, waits two hours, knows nobody
    Pupil(
        requests=["жду автобус 2 часа после уроков", "скучно", "никого не знаю"],
        right=("peer_10v", "vozhataya", "biblio"),
        group_name="5Б",
    ),
    # easy: volleyball
    Pupil(
        requests=["волейбол", "секция"],
        right=("trener",),
        group_name="6А",
    ),
    # hard: on ПДН register, smokes, truancy
    Pupil(
        requests=[],
        right=("socped", "obzr", "trener"),
        group_name="7Б",
        request_text="Состоит на учёте в ПДН, курит, прогулы по 2-3 дня. Отец в колонии. Любит возиться с мопедом.",
        at_risk=True,
    ),
    # medium: medical college after 9th
    Pupil(
        requests=["хочу в мед колледж после 9", "медсестрой"],
        right=("chembio", "proforient"),
        group_name="8А",
    ),
    # easy: ОГЭ Russian essay
    Pupil(
        requests=["ОГЭ по русскому", "сочинение 13.3"],
        right=("rusl",),
        group_name="9Б",
        areas=["русский язык"],
    ),
    # easy: ОГЭ maths, geometry
    Pupil(
        requests=["огэ матем", "геометрия вообще никак"],
        right=("mathphys",),
        group_name="9А",
        areas=["математика"],
    ),
    # medium: railway college after 9th
    Pupil(
        requests=["колледж ж/д транспорта", "помощник машиниста"],
        right=("depo", "proforient"),
        group_name="9В",
    ),
    # hard: negation: not physics, chemistry
    Pupil(
        requests=["не физика, а химия", "задачи на моли не понимаю"],
        right=("chembio", "peer_11a"),
        group_name="8Б",
        areas=["химия"],
    ),
    # medium: ЗПР, maths in 6th grade
    Pupil(
        requests=["отстаёт по математике", "ЗПР"],
        right=("logoped",),
        group_name="6В",
        request_text="Обучается по АООП, таблицу умножения до сих пор не знает, дроби не понимает совсем.",
        special_needs=True,
    ),
    # medium: dyslexia and fantasy reading
    Pupil(
        requests=["с русским беда, ошибки", "читает фэнтези запоем"],
        right=("logoped", "rusl"),
        group_name="7А",
        special_needs=True,
    ),
    # hard: wheelchair user who wants programming; IT is the need
    Pupil(
        requests=["программирование", "кружки недоступны (коляска)"],
        right=("itshnik",),
        group_name="8В",
        request_text="Сын на коляске, ДЦП, голова светлая. В райцентре кружков с пандусом нет, хочет учиться программировать онлайн.",
        special_needs=True,
    ),
    # medium: writes poems
    Pupil(
        requests=["пишу стихи", "хочу чтобы кто-то почитал"],
        right=("rusl", "biblio"),
        group_name="7В",
    ),
    # easy: anime drawing
    Pupil(
        requests=["рисую аниме"],
        right=("peer_11b", "hudozhnik"),
        group_name="5В",
    ),
    # hard: apathy labelled as laziness, withdrawn, no sleep
    Pupil(
        requests=["ничего не хочет", "лень"],
        right=("psych", "socped"),
        group_name="9Г",
        request_text="Учителя говорят — обленился. Мама: сидит ночами в телефоне, перестал общаться с друзьями, ест мало, всё 'пофиг'.",
        at_risk=True,
    ),
    # medium: refugee family from Sudzha, living in a temporary accommodation centre
    Pupil(
        requests=["беженцы", "живём в ПВР"],
        right=("socped", "psych"),
        group_name="6Б",
        request_text="Семья из Суджи, дом разрушен, живут в пункте временного размещения. Девочка учится, но часто плачет.",
    ),
    # easy: local museum
    Pupil(
        requests=["краеведение", "школьный музей"],
        right=("histsoc",),
        group_name="8А",
        areas=["история"],
    ),
    # medium: language camp
    Pupil(
        requests=["английский", "хочу в языковой лагерь, подготовиться"],
        right=("engl",),
        group_name="7Г",
    ),
    # medium: wants the theatre studio but shy
    Pupil(
        requests=["театральная студия", "стесняюсь"],
        right=("teatr", "psych"),
        group_name="5А",
    ),
    # hard: parents want 10th class, pupil wants to be a welder
    Pupil(
        requests=["родители хотят в 10, а я хочу в колледж на сварщика"],
        right=("proforient", "obzr", "depo"),
        group_name="9А",
    ),
    # easy: sambo competitions
    Pupil(
        requests=["самбо", "первенство области"],
        right=("trener",),
        group_name="7Б",
    ),
    # medium: bullies younger pupils
    Pupil(
        requests=["задирает младших", "дерётся"],
        right=("socped", "trener", "psych"),
        group_name="6А",
        at_risk=True,
    ),
    # easy: games
    Pupil(
        requests=["хочу делать свои игры"],
        right=("itshnik",),
        group_name="8Г",
    ),
    # easy: ОГЭ bio and chem, going to the chem-bio 10th
    Pupil(
        requests=["ОГЭ биология", "ОГЭ химия", "в хим-био 10"],
        right=("chembio",),
        group_name="9Б",
    ),
    # hard: refuses the psychologist; needs an adult to talk to
    Pupil(
        requests=["к психологу не пойду", "просто поговорить со взрослым"],
        right=("vozhataya", "socped"),
        group_name="8Б",
        request_text="Дома постоянно ругаются, отчим выпивает. Сказала, что к психологу не пойдёт, 'я не псих'.",
        at_risk=True,
    ),
    # medium: volunteering with animals
    Pupil(
        requests=["волонтерство", "приют для собак"],
        right=("vozhataya",),
        group_name="7А",
    ),
    # easy: ЗПР, reading comprehension
    Pupil(
        requests=["плохо читает", "не понимает условие задачи"],
        right=("logoped",),
        group_name="5Б",
        special_needs=True,
    ),
    # medium: websites
    Pupil(
        requests=["сайты", "компьютер"],
        right=("itshnik",),
        group_name="6Г",
    ),
    # medium: first aid, paramedic; 9th, so the chem-bio teacher and the navigator
    Pupil(
        requests=["первая помощь", "фельдшер скорой"],
        right=("proforient", "chembio"),
        group_name="9В",
    ),
    # hard: excellent at maths, no friends; the need is social
    Pupil(
        requests=["математика"],
        right=("psych", "vozhataya"),
        group_name="7В",
        request_text="Мама: по математике у него всё отлично, олимпиады пишет. А друзей нет ни одного, на переменах один, в классе дразнят 'ботаном'.",
    ),
    # easy: art college after 9th
    Pupil(
        requests=["рисунок", "поступать в худучилище после 9", "портфолио"],
        right=("hudozhnik",),
        group_name="8В",
    ),
    # medium: wheelchair girl, the inclusive theatre
    Pupil(
        requests=["школьный театр"],
        right=("teatr",),
        group_name="5Г",
        request_text="Девочка на коляске, ДЦП. Очень хочет играть в спектакле, поёт хорошо.",
        special_needs=True,
    ),
    # easy: ВПР history
    Pupil(
        requests=["ВПР история", "даты не запоминаю"],
        right=("histsoc",),
        group_name="6В",
    ),
    # hard: КДН, cars in the garage with father
    Pupil(
        requests=["машины", "гараж"],
        right=("obzr", "socped"),
        group_name="9А",
        request_text="Поставлен на учёт КДН после драки. Учёба не интересует совсем. С отцом в гараже перебирает двигатели.",
        at_risk=True,
    ),
    # easy: volleyball team
    Pupil(
        requests=["волейбол", "в сборную школы"],
        right=("trener",),
        group_name="7Г",
    ),
    # medium: blushes at the blackboard
    Pupil(
        requests=["боюсь отвечать у доски", "краснею"],
        right=("psych", "teatr"),
        group_name="8А",
    ),
    # easy: book club
    Pupil(
        requests=["читаю запоем", "книжный клуб"],
        right=("biblio",),
        group_name="6А",
    ),
    # easy: no idea what next after 9th
    Pupil(
        requests=["не знаю куда после 9"],
        right=("proforient",),
        group_name="9Г",
    ),
    # hard: teased as a refugee
    Pupil(
        requests=["дразнят"],
        right=("psych", "socped", "vozhataya"),
        group_name="5В",
        request_text="Переехали из Грайворона. В классе называют 'беженка', не берут в игры. Дома плачет.",
    ),
    # easy: chemistry before 8th
    Pupil(
        requests=["химия", "опыты"],
        right=("peer_11a",),
        group_name="7А",
        request_text="Химию начнут только в 8, а ей уже сейчас интересно, дома ставит опыты с содой.",
    ),
    # easy: physics problems
    Pupil(
        requests=["физика, задачи"],
        right=("mathphys",),
        group_name="8Б",
        areas=["физика"],
    ),
    # medium: parent asks for English
    Pupil(
        requests=["подтянуть англ"],
        right=("engl",),
        group_name="6Б",
        request_text="Мама: по английскому тройка, репетитора у нас в селе нет.",
    ),
    # hard: ОГЭ Russian and dyslexia
    Pupil(
        requests=["ОГЭ русский", "дислексия"],
        right=("logoped", "rusl"),
        group_name="9Б",
        request_text="Читает медленно, изложение не успевает. Есть заключение ПМПК.",
        special_needs=True,
    ),
    # medium: school newspaper
    Pupil(
        requests=["писать заметки в школьную газету"],
        right=("rusl",),
        group_name="7Б",
    ),
    # hard: grief, father killed in the СВО
    Pupil(
        requests=[],
        right=("psych", "socped"),
        group_name="8В",
        request_text="Классный руководитель: у мальчика погиб отец на СВО в октябре. Замкнулся, на уроках смотрит в одну точку.",
    ),
    # medium: father on the СВО, anxiety; mother asks
    Pupil(
        requests=["папа на СВО", "переживает"],
        right=("psych", "vozhataya"),
        group_name="6Г",
        request_text="Дочка каждый вечер ждёт звонка от папы, если не звонит — не спит. Оценки поехали вниз.",
    ),
    # easy: sambo, 5th grade
    Pupil(
        requests=["самбо"],
        right=("trener",),
        group_name="5А",
    ),
    # medium: interested in trains
    Pupil(
        requests=["поезда", "как устроен локомотив"],
        right=("depo",),
        group_name="8Г",
    ),
    # medium: ЗПР + carpentry: hands-on, training matters less than interest
    Pupil(
        requests=["столярка", "руками делать"],
        right=("obzr", "logoped"),
        group_name="7В",
        request_text="ЗПР, по АООП. На труде оживает, сделал скворечник сам.",
        special_needs=True,
    ),
    # hard: 'maths' but the real problem is truancy and a night job
    Pupil(
        requests=["математика двойки"],
        right=("socped", "mathphys"),
        group_name="9В",
        request_text="Двойки по всем, не только по математике. Пропускает первые уроки: по ночам помогает матери на ферме, мать одна с четырьмя детьми.",
        at_risk=True,
    ),
    # easy: historical reenactment, search squad
    Pupil(
        requests=["поисковый отряд", "военная история"],
        right=("histsoc", "obzr"),
        group_name="8Б",
    ),
    # medium: wants to be a vet: biology and career
    Pupil(
        requests=["ветеринар", "биология"],
        right=("chembio", "proforient"),
        group_name="8А",
        areas=["биология"],
    ),
    # medium: 5th grade, lost between classrooms, bus pupil
    Pupil(
        requests=["новенькая из села", "теряюсь"],
        right=("peer_10v", "vozhataya"),
        group_name="5В",
        request_text="В началке учились в сельской школе, её закрыли, теперь возят к нам. Всё чужое.",
    ),
    # easy: Движение первых
    Pupil(
        requests=["Движение первых", "организовывать мероприятия"],
        right=("vozhataya",),
        group_name="7Г",
    ),
    # hard: self-harm hinted, cuts on arms noticed
    Pupil(
        requests=[],
        right=("psych",),
        group_name="8Г",
        request_text="На физкультуре заметили порезы на предплечьях. Девочка говорит, что кошка. Ходит в длинных рукавах.",
        at_risk=True,
    ),
    # medium: comics
    Pupil(
        requests=["рисую комиксы", "хочу научиться диджитал"],
        right=("peer_11b", "hudozhnik"),
        group_name="6Б",
    ),
    # medium: ГТО gold badge
    Pupil(
        requests=["ГТО золотой значок", "подтягивания"],
        right=("trener",),
        group_name="9А",
    ),
    # medium: biology olympiad in 7th: the chem-bio teacher takes 8+, so the peer
    Pupil(
        requests=["олимпиада по биологии", "школьный этап прошла"],
        right=("peer_11a",),
        group_name="7Б",
        areas=["биология"],
    ),
    # hard: dyscalculia-like ЗПР in 8th, parents in denial
    Pupil(
        requests=["алгебра", "ничего не понимает"],
        right=("logoped", "mathphys"),
        group_name="8В",
        request_text="Родители от ПМПК отказываются, 'он не дурак'. По факту — ЗПР, АООП не оформлена, по алгебре устойчиво 2.",
    ),
    # easy: English ОГЭ
    Pupil(
        requests=["ОГЭ по англ"],
        right=("engl",),
        group_name="9Г",
    ),
    # medium: gamer who 'only plays'
    Pupil(
        requests=["играет в игры всё время"],
        right=("itshnik", "vozhataya"),
        group_name="7А",
        request_text="Папа: сидит в играх до трёх ночи. Может, если покажут как игры делают, переключится.",
    ),
    # easy: 6th, fairy tales and fantasy
    Pupil(
        requests=["фэнтези", "что почитать"],
        right=("biblio",),
        group_name="6В",
    ),
    # medium: conflict with the class teacher
    Pupil(
        requests=["конфликт с классным руководителем"],
        right=("psych", "socped"),
        group_name="8Б",
    ),
    # hard: truant in 7th who likes volleyball; sport as the hook
    Pupil(
        requests=["прогулы", "волейбол нравится"],
        right=("trener", "socped"),
        group_name="7Г",
        request_text="Прогуливает, но на физру приходит всегда. Тренер говорит, подача хорошая.",
        at_risk=True,
    ),
    # medium: ЗПР, 5th, socially fine, needs reading
    Pupil(
        requests=["техника чтения"],
        right=("logoped",),
        group_name="5Г",
        special_needs=True,
    ),
    # medium: draws, wants a design career
    Pupil(
        requests=["дизайн", "кем работать если рисуешь"],
        right=("hudozhnik", "proforient"),
        group_name="9Б",
    ),
    # easy: ВПР Russian in 5th
    Pupil(
        requests=["ВПР русский"],
        right=("rusl",),
        group_name="5Б",
    ),
    # medium: eighth grade, electricity and radio
    Pupil(
        requests=["паяльник", "радиотехника", "схемы"],
        right=("mathphys", "depo"),
        group_name="8А",
    ),
    # hard: parents divorcing, the court asks whom she wants to live with
    Pupil(
        requests=["родители разводятся"],
        right=("psych",),
        group_name="7В",
        request_text="Суд спрашивает, с кем хочет жить. Девочка не знает, боится обидеть кого-то из родителей.",
    ),
    # medium: shy, wants friends, joins volunteers
    Pupil(
        requests=["хочу найти друзей", "волонтёры"],
        right=("vozhataya", "peer_10v"),
        group_name="6А",
    ),
    # easy: police/ military school later, ОБЗР
    Pupil(
        requests=["кадетский класс", "военно-патриотический клуб"],
        right=("obzr",),
        group_name="8Г",
    ),
    # hard: 9th at risk, online betting debts
    Pupil(
        requests=["ставки", "долги"],
        right=("socped", "psych"),
        group_name="9В",
        request_text="Выяснилось, что делает ставки на спорт с маминой карты, должен одноклассникам 15 тысяч.",
        at_risk=True,
    ),
    # medium: maths 7th, parents worry about algebra starting
    Pupil(
        requests=["алгебра началась и всё", "уравнения"],
        right=("mathphys",),
        group_name="7А",
    ),
    # medium: reads poorly, 6th, no ОВЗ status
    Pupil(
        requests=["читает по слогам до сих пор"],
        right=("logoped", "biblio"),
        group_name="6Г",
    ),
    # easy: 5th grader wants volleyball and knows the bus peer
    Pupil(
        requests=["волейбол", "с Каменки"],
        right=("peer_10v", "trener"),
        group_name="5Г",
    ),
    # hard: newcomer from Курская обл, also behind in maths; adaptation first
    Pupil(
        requests=["новенький", "по математике отстал"],
        right=("socped", "mathphys"),
        group_name="8Б",
        request_text="Из Курской области, полгода не учился нормально, только дистант с перебоями. Пропуски по программе большие.",
    ),
    # medium: English speaking, wants to travel
    Pupil(
        requests=["говорить по-английски, а не только грамматика"],
        right=("engl",),
        group_name="8В",
    ),
    # medium: story writing, project
    Pupil(
        requests=["индивидуальный проект", "тема по литературе"],
        right=("biblio", "rusl"),
        group_name="9А",
    ),
    # hard: ОВЗ (cerebral palsy), lonely in 7th; the peer cannot help with ОВЗ-specific need
    Pupil(
        requests=["одиноко", "не с кем поговорить"],
        right=("psych", "teatr"),
        group_name="7Б",
        request_text="Мальчик на коляске. Раньше был на домашнем обучении, с сентября в классе. Ребята вежливые, но не дружат.",
        special_needs=True,
    ),
    # medium: law, obshchestvo in 9th
    Pupil(
        requests=["обществознание ОГЭ", "права подростков"],
        right=("histsoc",),
        group_name="9Г",
    ),
    # hard: eating less, wants to lose weight for volleyball
    Pupil(
        requests=["похудеть", "волейбол"],
        right=("psych", "trener"),
        group_name="8А",
        request_text="Тренер заметил, что девочка за два месяца сильно похудела, на соревнованиях упала в обморок.",
    ),
    # easy: 6th, modelling and crafts: the artist (труд/ОБЗР takes 7+)
    Pupil(
        requests=["лепка", "поделки"],
        right=("hudozhnik",),
        group_name="6В",
    ),
    # ---------------- 10–11 классы ----------------
    # easy: ЕГЭ chemistry
    Pupil(
        requests=["ЕГЭ химия", "органика"],
        right=("chembio",),
        group_name="11А",
        areas=["химия"],
    ),
    # easy: ЕГЭ biology, medical university
    Pupil(
        requests=["ЕГЭ биология", "поступать в мед (Курск или Воронеж)"],
        right=("chembio", "medsestra"),
        group_name="11А",
    ),
    # medium: wants to be a nurse, first aid
    Pupil(
        requests=["сестринское дело", "волонтёр в больнице"],
        right=("medsestra", "chembio"),
        group_name="10А",
    ),
    # easy: ЕГЭ profile maths
    Pupil(
        requests=["ЕГЭ профиль", "параметры"],
        right=("mathphys",),
        group_name="11Б",
        areas=["математика"],
    ),
    # medium: target training at the railway
    Pupil(
        requests=["целевое РЖД", "поступать в РГУПС"],
        right=("depo", "proforient"),
        group_name="11Б",
    ),
    # medium: ЕГЭ physics, electrical engineering
    Pupil(
        requests=["ЕГЭ физика", "электроэнергетика"],
        right=("mathphys", "depo"),
        group_name="11Б",
    ),
    # easy: final essay
    Pupil(
        requests=["итоговое сочинение", "аргументы из литературы"],
        right=("rusl",),
        group_name="11Б",
    ),
    # easy: ЕГЭ social studies
    Pupil(
        requests=["ЕГЭ обществознание", "планы"],
        right=("histsoc",),
        group_name="11Б",
    ),
    # hard: burnout in the chem-bio class, parents want medicine
    Pupil(
        requests=["ЕГЭ химия", "не могу больше"],
        right=("psych", "chembio"),
        group_name="11А",
        request_text="Родители оба врачи, решили что она будет врачом. Занимается до ночи, плачет, говорит, что химию ненавидит.",
    ),
    # hard: unsure whether medicine at all: career not chemistry
    Pupil(
        requests=["хим-био, но не уверен что хочу в мед"],
        right=("proforient", "medsestra"),
        group_name="10А",
    ),
    # medium: theatre institute
    Pupil(
        requests=["поступать в театральный", "монолог, басня"],
        right=("teatr",),
        group_name="11Б",
    ),
    # medium: art/architecture
    Pupil(
        requests=["архитектурный", "рисунок головы"],
        right=("hudozhnik",),
        group_name="11Б",
    ),
    # easy: Python
    Pupil(
        requests=["Python", "хочу в IT"],
        right=("itshnik",),
        group_name="10Б",
    ),
    # medium: ЕГЭ English
    Pupil(
        requests=["ЕГЭ английский", "эссе"],
        right=("engl",),
        group_name="11Б",
    ),
    # hard: at-risk senior, drinking at weekends, threatens to drop out
    Pupil(
        requests=["хочет бросить школу"],
        right=("socped", "obzr", "psych"),
        group_name="10В",
        request_text="По выходным пьёт с компанией постарше, на КДН уже вызывали. Говорит, пойдёт работать на элеватор, школа не нужна.",
        at_risk=True,
    ),
    # medium: military academy, ОБЗР and sport
    Pupil(
        requests=["военное училище", "физподготовка"],
        right=("obzr", "trener"),
        group_name="11Б",
    ),
    # medium: volleyball team captain, wants coaching career
    Pupil(
        requests=["волейбол", "хочу стать тренером", "физкультурный вуз"],
        right=("trener", "proforient"),
        group_name="10В",
    ),
    # hard: refugee senior, lost school year, ЕГЭ pressure and anxiety
    Pupil(
        requests=["ЕГЭ", "тревога"],
        right=("psych", "socped"),
        group_name="11Б",
        request_text="Семья из Белгородского приграничья, год учились урывками. Паникует, что не сдаст, не спит, панические атаки.",
    ),
    # medium: chemistry olympiad
    Pupil(
        requests=["олимпиада по химии", "региональный этап"],
        right=("chembio",),
        group_name="10А",
    ),
    # easy: first aid course, pre-medical
    Pupil(
        requests=["первая помощь", "медицина"],
        right=("medsestra",),
        group_name="10В",
    ),
    # medium: local history project
    Pupil(
        requests=["проект о деревне", "история села"],
        right=("histsoc", "biblio"),
        group_name="10Б",
    ),
    # hard: pregnant 16-year-old, wants to keep studying
    Pupil(
        requests=[],
        right=("socped", "psych"),
        group_name="10В",
        request_text="Девочка 16 лет беременна, мама не знает. Хочет доучиться, боится, что выгонят.",
        at_risk=True,
    ),
    # medium: dyslexic senior, ЕГЭ Russian
    Pupil(
        requests=["ЕГЭ русский", "дислексия с детства"],
        right=("rusl",),
        group_name="11Б",
        request_text="Пишет с ошибками, но смысл понимает прекрасно. Логопед был в началке. Сейчас надо ЕГЭ на 60+.",
        special_needs=True,
    ),
    # medium: peer-helping desire: wants to be a volunteer tutor for little ones
    Pupil(
        requests=["хочу помогать младшим", "вожатая летом"],
        right=("vozhataya",),
        group_name="10Б",
    ),
    # easy: electric locomotive practice at the depot
    Pupil(
        requests=["практика в депо", "электровозы"],
        right=("depo",),
        group_name="10В",
    ),
    # medium: ЕГЭ biology + chemistry, pharmacist
    Pupil(
        requests=["провизор", "фармацевт", "хим-био"],
        right=("chembio", "medsestra"),
        group_name="10А",
    ),
    # hard: a subject word hiding violence at home
    Pupil(
        requests=["физика"],
        right=("socped", "psych"),
        group_name="10Б",
        request_text="Классный руководитель: с физикой проблем нет, это мама попросила. На самом деле синяки, отец бьёт. Парень просит никому не говорить.",
        at_risk=True,
    ),
    # medium: web developer with freelance ambitions
    Pupil(
        requests=["фриланс", "сайты на заказ"],
        right=("itshnik",),
        group_name="11Б",
    ),
    # medium: history ЕГЭ + search squad
    Pupil(
        requests=["ЕГЭ история", "поисковики"],
        right=("histsoc",),
        group_name="11Б",
    ),
    # hard: in love, broken up, grades collapsed
    Pupil(
        requests=["расстались", "оценки упали"],
        right=("psych", "vozhataya"),
        group_name="10Б",
        request_text="Сама написала: 'после расставания не могу учиться, всё бессмысленно'.",
    ),
    # medium: wheelchair senior, ОВЗ, ЕГЭ maths and IT university
    Pupil(
        requests=["ЕГЭ профиль", "IT вуз", "коляска"],
        right=("mathphys", "itshnik"),
        group_name="11А",
        special_needs=True,
    ),
    # easy: ЕГЭ chemistry problems 34
    Pupil(
        requests=["34 задача ЕГЭ хим"],
        right=("chembio",),
        group_name="11А",
    ),
    # medium: voluntary donor, medical interest; not the chem class
    Pupil(
        requests=["донорство", "медицина интересна, но не химия"],
        right=("medsestra",),
        group_name="11Б",
    ),
    # hard: gifted poet who skips school to write, not at risk formally
    Pupil(
        requests=["литература", "пишу роман", "скучно на уроках"],
        right=("rusl", "biblio"),
        group_name="10Б",
    ),
    # medium: stage fright before the exam defence of the project
    Pupil(
        requests=["защита проекта", "боюсь выступать"],
        right=("teatr", "psych"),
        group_name="10А",
    ),
    # medium: career: doesn't know, grade 10
    Pupil(
        requests=["кем быть не знаю", "Билет в будущее"],
        right=("proforient",),
        group_name="10В",
    ),
    # easy: sambo adult category
    Pupil(
        requests=["самбо, КМС"],
        right=("trener",),
        group_name="11Б",
    ),
    # hard: the father on the СВО wounded, senior works to support family
    Pupil(
        requests=["подрабатывает", "нет времени на учёбу"],
        right=("socped", "psych"),
        group_name="11Б",
        request_text="Отец вернулся с СВО с ранением, не работает. Парень работает грузчиком после уроков, спит на уроках.",
    ),
    # medium: senior who wants to be a car mechanic
    Pupil(
        requests=["автомеханик", "машины"],
        right=("obzr", "proforient"),
        group_name="10В",
    ),
    # medium: English for a medical career
    Pupil(
        requests=["английский для медицины", "статьи читать"],
        right=("engl",),
        group_name="10А",
    ),
    # hard: wants to paint to rest from ЕГЭ; refuses the psychologist, so the artist
    Pupil(
        requests=["живопись для себя", "отвлечься от ЕГЭ"],
        right=("hudozhnik",),
        group_name="11А",
        request_text="Говорит, ей не нужен психолог, просто хочет раз в неделю порисовать, чтобы голова отдыхала.",
    ),
    # medium: peer_11b prefers 5-9, so 10th grader drawing anime goes to the artist
    Pupil(
        requests=["аниме арт", "планшет"],
        right=("hudozhnik",),
        group_name="10Б",
    ),
    # medium: school newspaper editor / journalism
    Pupil(
        requests=["журналистика", "школьная газета"],
        right=("rusl",),
        group_name="10Б",
    ),
    # hard: social anxiety after moving from a village school to the town
    Pupil(
        requests=["не вписываюсь"],
        right=("psych", "vozhataya"),
        group_name="10В",
        request_text="Пришла в 10 класс из сельской девятилетки. 'Городские смотрят свысока, я молчу весь день'.",
    ),
    # medium: teacher's voice: gifted in physics, needs olympiad push
    Pupil(
        requests=[],
        right=("mathphys",),
        group_name="10Б",
        request_text="Учитель: сильный мальчик, физику решает на уровне олимпиады, но никто с ним отдельно не занимается.",
        areas=["физика"],
    ),
    # easy: volunteer squad leader
    Pupil(
        requests=["волонтёрский отряд", "акции"],
        right=("vozhataya",),
        group_name="11А",
    ),
    # medium: 10th grader from ПДН for theft; likes mechanics
    Pupil(
        requests=["ПДН", "кража"],
        right=("socped", "obzr"),
        group_name="10В",
        request_text="Украл телефон в раздевалке, поставили на учёт. Мать одна, работает вахтой. Хорошо работает руками в мастерской.",
        at_risk=True,
    ),
    # hard: the reader who doesn't want literature classes but books
    Pupil(
        requests=["не литература по программе, а просто книги", "фантастика"],
        right=("biblio",),
        group_name="10Б",
    ),
    # medium: nursing college after 11th vs university
    Pupil(
        requests=["медколледж или медвуз?"],
        right=("medsestra", "proforient", "chembio"),
        group_name="11Б",
    ),
    # medium: railway and electronics hobby
    Pupil(
        requests=["модели поездов", "электроника"],
        right=("depo", "itshnik"),
        group_name="10Б",
    ),
    # hard: ЕГЭ chemistry; the pupil is fine, but the mother presses: her voice
    Pupil(
        requests=["химия ЕГЭ 90+"],
        right=("chembio",),
        group_name="11А",
        request_text="Мама: нам нужно 90+, иначе бюджет не светит. Дочь учится хорошо, ей нужны сложные задачи.",
    ),
    # medium: ОВЗ senior with ЗПР history: college, which profession
    Pupil(
        requests=["куда поступать с ОВЗ", "колледж"],
        right=("proforient", "socped"),
        group_name="11Б",
        special_needs=True,
    ),
    # medium: history olympiad in 10th
    Pupil(
        requests=["олимпиада по истории"],
        right=("histsoc",),
        group_name="10Б",
    ),
    # medium: 10th grade game developer with Unity
    Pupil(
        requests=["Unity", "геймдев", "портфолио"],
        right=("itshnik",),
        group_name="10А",
    ),
    # hard: sporty boy, ankle injury, depression after losing volleyball
    Pupil(
        requests=["травма", "волейбол больше нельзя"],
        right=("psych", "trener"),
        group_name="10В",
        request_text="Порвал связки, врачи запретили волейбол. Был капитаном команды, теперь 'я никто'.",
    ),
    # easy: maths ЕГЭ base
    Pupil(
        requests=["ЕГЭ база", "сдать хоть как-то"],
        right=("mathphys",),
        group_name="11Б",
    ),
    # medium: school museum guide, speaking
    Pupil(
        requests=["экскурсовод в музее", "говорить на публике"],
        right=("histsoc", "teatr"),
        group_name="10Б",
    ),
    # hard: ОВЗ girl on wheelchair, 11th: university far away, how to live alone
    Pupil(
        requests=["общежитие", "как жить одной", "поступление"],
        right=("socped", "proforient", "psych"),
        group_name="11А",
        request_text="Девочка на коляске, хочет в Воронеж на биофак. Мама боится отпускать, обе не знают про льготы и доступную среду.",
        special_needs=True,
    ),
    # medium: chemistry from scratch in 10th (the peer takes only 5-8)
    Pupil(
        requests=["химия с нуля", "перевёлся в хим-био"],
        right=("chembio",),
        group_name="10А",
    ),
    # medium: senior, spoken English and volunteering abroad
    Pupil(
        requests=["разговорный английский", "поехать волонтёром"],
        right=("engl", "vozhataya"),
        group_name="11Б",
    ),
    # easy: theatre studio senior, directing
    Pupil(
        requests=["режиссура", "ставить спектакль"],
        right=("teatr",),
        group_name="11А",
    ),
    # hard: conflicts in the class, boycott; the teacher's voice
    Pupil(
        requests=["бойкот в классе"],
        right=("psych", "socped"),
        group_name="10А",
        request_text="Класс объявил девочке бойкот после переписки в чате. Она перестала ходить на уроки, мама звонит директору.",
    ),
    # medium: woodwork and furniture business
    Pupil(
        requests=["мебель делать", "своё дело"],
        right=("obzr", "proforient"),
        group_name="10В",
    ),
    # medium: medical but fear of blood
    Pupil(
        requests=["хочу в медицину но боюсь крови"],
        right=("medsestra", "psych"),
        group_name="10А",
    ),
    # medium: ЕГЭ literature
    Pupil(
        requests=["ЕГЭ литература"],
        right=("rusl",),
        group_name="11Б",
    ),
    # medium: 9th grader, ЗПР, which college accepts ОВЗ
    Pupil(
        requests=["куда после 9 с ЗПР"],
        right=("proforient", "logoped"),
        group_name="9В",
        special_needs=True,
    ),
    # hard: younger sibling of the ПДН boy; 5th, anxious about brother
    Pupil(
        requests=["брат на учёте", "боится что заберут в детдом"],
        right=("psych", "socped"),
        group_name="5А",
        at_risk=True,
    ),
    # medium: 7th grader wants the art school AND theatre: decorations
    Pupil(
        requests=["декорации для спектакля", "рисовать"],
        right=("hudozhnik", "teatr"),
        group_name="7В",
    ),
]
