"""A blind labelled set for the quality of matching, ``held_out_dec7e``: written on 6 December 2026 by a
writer who had read neither the engine's vocabulary nor its meaning and matching code, nor any other
labelled set's pupils, nor the bench's output or misses.

The school: a Siberian village school of about 320 pupils (grades 1–11) on a taiga river, with a primary
branch (филиал) in a neighbouring hamlet where grades 1–3 learn together in one multi-grade class
(«комплект»). Children are bussed in from three villages; a few live in the small boarding house
(интернат) during the week. Families farm and log; many are large and low-income, there are foster
children (опека), parents who work away on shifts (вахта) or drink, and a few Altai-, Tuvan- or
Kazakh-speaking families. Around the school: fishing, hunting, forest fires in summer. The school has a
«Точка роста» centre (chemistry, biology, physics, robotics), a village museum, a school plot
(пришкольный участок), a school forestry (школьное лесничество), wrestling, skiing and volleyball, a folk
choir, a drama club, a young firefighters' squad (ДЮП) and «Движение первых». Teachers are few and each
covers two or three subjects; mentors also come from the village: the feldsher of the ФАП, a farmer, a
forester, the librarian, the head of the culture club, a retired teacher, a fire-station volunteer, the
school bus driver who is a mechanic; the psychologist works half-time, the logoped is shared with the
district and takes primary only; three senior pupils are peer mentors.

Pupils: weak preparation, gaps after long illnesses, fear of the ОГЭ/ЕГЭ, who goes to the district
town's colleges after grade 9 (agricultural, medical, pedagogical, police), pupils with ОВЗ (ЗПР, mild
intellectual disability, hearing loss), at-risk pupils (ПДН, truancy, petty theft, fights, alcohol at
home), newcomers, gifted pupils with nobody to compete with, pupils who want to leave and pupils who want
to stay and farm.

Mentors are written as the school fills its mentors' spreadsheet: free phrases, abbreviations, grade
ranges in several notations. A pupil's ``right`` mentors are those the school psychologist would accept,
her first choice first, taking the grade, the mentor's preferred grades and ОВЗ / at-risk training into
account. Comments mark each pupil easy, medium or hard as the writer judged it.
"""

from .quality_set import Pupil, Teacher

DEC7E_MENTORS: list[Teacher] = [
    Teacher(
        key="fiz_inf",
        competencies=[
            "физика и информатика",
            "робототехника в «Точке роста» (Lego, Arduino)",
            "ОГЭ информатика, ОГЭ/ЕГЭ физика",
            "олимпиады, муниципальный этап",
            "3D-печать, квадрокоптеры",
        ],
        subject="Физика, информатика",
        interests=["радиолюбитель", "рыбалка"],
        age=34,
        capacity=11,
        preferred_grades="7-11",
    ),
    Teacher(
        key="him_bio_geo",
        competencies=[
            "химия, биология, география",
            "лаборатория Точки роста: опыты, микроскопы",
            "подготовка к ОГЭ/ЕГЭ по химии и биологии",
            "для поступающих в мед. колледж и аграрный",
            "исследовательские проекты (почва, вода в реке)",
        ],
        subject="Химия / биология / география",
        interests=["краеведение", "травы Сибири"],
        age=46,
        capacity=11,
        preferred_grades="с 7 по 11 кл.",
    ),
    Teacher(
        key="istorik",
        competencies=[
            "история, обществознание, ОРКСЭ",
            "руководитель школьного музея села",
            "ОГЭ/ЕГЭ обществознание",
            "поисковая работа, Бессмертный полк, летопись села",
            "право для подростков",
        ],
        subject="История, обществознание, ОРКСЭ",
        interests=["архивы", "генеалогия"],
        age=51,
        capacity=10,
        preferred_grades="4–11 кл.",
    ),
    Teacher(
        key="matem",
        competencies=[
            "математика 5-11",
            "ликвидация пробелов, в т.ч. после длительной болезни",
            "ОГЭ математика, ЕГЭ база/профиль",
            "работа с детьми с ЗПР по адаптированной программе",
        ],
        subject="Математика",
        interests=["шахматы"],
        age=55,
        capacity=12,
        special_needs_trained=True,
        preferred_grades="5–11",
    ),
    Teacher(
        key="rus_lit",
        competencies=[
            "русский язык и литература",
            "ОГЭ/ЕГЭ русский, итоговое сочинение и собеседование",
            "руководитель драмкружка",
            "чтецы, конкурс «Живая классика»",
        ],
        subject="Русский язык, литература",
        interests=["театр", "стихи"],
        age=42,
        capacity=11,
        preferred_grades="5-11 классы",
    ),
    Teacher(
        key="nach_komplekt",
        competencies=[
            "учитель нач. классов, филиал, класс-комплект 1-3",
            "чтение, письмо, счёт — отстающие",
            "дети с ЗПР и УО (АООП)",
            "адаптация первоклассников",
        ],
        subject="Начальные классы",
        interests=["рукоделие", "цветы"],
        age=49,
        capacity=11,
        special_needs_trained=True,
        preferred_grades="1–4",
    ),
    Teacher(
        key="logoped",
        competencies=[
            "учитель-логопед (районный, 2 дня в школе)",
            "звукопроизношение, дисграфия, дислексия",
            "речь у детей с ОВЗ, слабослышащие",
        ],
        subject="Логопедия",
        age=38,
        capacity=7,
        special_needs_trained=True,
        preferred_grades="только нач. школа (1-4)",
    ),
    Teacher(
        key="psiholog",
        competencies=[
            "педагог-психолог, 0,5 ставки (вт, чт)",
            "тревожность, страх экзаменов",
            "адаптация новеньких и 5-классников",
            "конфликты, агрессия, самооценка",
            "дети в трудной жизненной ситуации",
        ],
        subject="Психология",
        age=31,
        capacity=7,
        special_needs_trained=True,
        at_risk_experience=True,
    ),
    Teacher(
        key="socped",
        competencies=[
            "социальный педагог",
            "учёт ПДН/КДН, внутришкольный учёт",
            "пропуски, бродяжничество, опекаемые дети",
            "многодетные и малоимущие семьи, вахта, неблагополучные семьи",
            "профилактика правонарушений",
        ],
        subject="",
        interests=["волонтёрство"],
        age=44,
        capacity=9,
        at_risk_experience=True,
        preferred_grades="5-11",
    ),
    Teacher(
        key="fizruk",
        competencies=[
            "физкультура и ОБЗР",
            "секции: вольная борьба, лыжи, волейбол",
            "ГТО, районные соревнования",
            "трудные подростки — через спорт",
        ],
        subject="Физическая культура, ОБЗР",
        interests=["охота", "лыжные походы"],
        age=39,
        capacity=12,
        at_risk_experience=True,
        preferred_grades="3–11 кл",
    ),
    Teacher(
        key="feldsher",
        competencies=[
            "фельдшер ФАП",
            "первая помощь, здоровый образ жизни",
            "профориентация: медколледж, сестринское дело",
            "вредные привычки (курение, алкоголь) — беседы",
        ],
        subject="",
        interests=["сад", "лыжи"],
        age=53,
        capacity=6,
        preferred_grades="8–11",
    ),
    Teacher(
        key="fermer",
        competencies=[
            "глава КФХ (молочное стадо, сенокос)",
            "пришкольный участок, теплица",
            "профориентация в аграрный колледж, агроном, ветеринар",
            "своё дело в селе, летняя подработка подростков",
        ],
        subject="",
        interests=["техника", "кони"],
        age=47,
        capacity=8,
        at_risk_experience=True,
        preferred_grades="7-11 кл.",
    ),
    Teacher(
        key="lesnichiy",
        competencies=[
            "лесничий, руководитель школьного лесничества",
            "посадка леса, охрана тайги, лесные пожары",
            "экология, следы зверей, рыба в реке",
            "профессии лесного хозяйства",
        ],
        subject="",
        interests=["охота", "фотоохота", "сплав"],
        age=58,
        capacity=8,
        preferred_grades="5–11",
    ),
    Teacher(
        key="bibliotekar",
        competencies=[
            "сельская библиотека",
            "чтение с младшими, громкие чтения",
            "книжный клуб",
            "помощь детям, для кого русский не родной (чтение)",
        ],
        subject="",
        interests=["краеведение", "настольные игры"],
        age=60,
        capacity=8,
        preferred_grades="1-7",
    ),
    Teacher(
        key="dom_kultury",
        competencies=[
            "директор СДК (сельский клуб)",
            "народный хор, фольклор, ансамбль",
            "сцена, концерты, ведущие праздников",
            "КВН",
        ],
        subject="",
        interests=["баян", "народный костюм"],
        age=45,
        capacity=10,
        preferred_grades="3–11",
    ),
    Teacher(
        key="pensioner_uch",
        competencies=[
            "учитель нач. классов и математики на пенсии (стаж 38 лет)",
            "занятия в интернате после уроков, домашние задания",
            "догнать программу после болезни",
            "терпение с медленными детьми",
        ],
        subject="",
        interests=["огород", "вязание"],
        age=68,
        capacity=8,
        special_needs_trained=True,
        preferred_grades="2–7 кл., будущие педагоги 9–11",
    ),
    Teacher(
        key="pozharnyi",
        competencies=[
            "доброволец пожарной части (ДПК)",
            "руководитель ДЮП",
            "пожарная безопасность, лесные пожары, спасение на воде",
            "МЧС, полицейский колледж — профориентация",
        ],
        subject="",
        interests=["мотоциклы", "рыбалка"],
        age=36,
        capacity=8,
        at_risk_experience=True,
        preferred_grades="5-11",
    ),
    Teacher(
        key="shofer_mehanik",
        competencies=[
            "водитель школьного автобуса, автомеханик",
            "двигатели, ремонт техники, сварка",
            "трактор, права категории",
            "работа руками для тех, кому не до учёбы",
        ],
        subject="",
        interests=["мотоциклы", "рыбалка"],
        age=50,
        capacity=7,
        at_risk_experience=True,
        preferred_grades="7–11",
    ),
    Teacher(
        key="anglichanka",
        competencies=[
            "английский язык, ИЗО",
            "ОГЭ английский",
            "рисование, оформление стендов",
        ],
        subject="Английский язык, ИЗО",
        interests=["рисование", "путешествия"],
        age=29,
        capacity=9,
        preferred_grades="2–11",
    ),
    Teacher(
        key="peer_11a_vera",
        competencies=[
            "помощь младшим по математике и русскому",
            "«Движение первых», актив",
            "готовлюсь к ЕГЭ, могу рассказать как",
        ],
        group_name="11А",
        age=17,
        capacity=5,
        interests=["волонтёрство", "хор"],
        preferred_grades="5-8",
    ),
    Teacher(
        key="peer_11a_artem",
        competencies=["вольная борьба, КМС", "робототехника", "помощь новеньким мальчикам"],
        group_name="11А",
        age=17,
        capacity=5,
        interests=["борьба", "рыбалка"],
        preferred_grades="5–7",
    ),
    Teacher(
        key="peer_10_ayana",
        competencies=[
            "говорю по-алтайски",
            "помогаю новеньким привыкнуть",
            "рисую, пою в хоре",
        ],
        group_name="10",
        age=16,
        capacity=4,
        interests=["хор", "рисование"],
    ),
]

HELD_OUT_DEC7E: list[Pupil] = [
    # --- primary (1–4), main school and the branch ---
    # easy: reading lag in grade 2
    Pupil(
        requests=["техника чтения"],
        right=("nach_komplekt", "bibliotekar", "pensioner_uch"),
        group_name="2А",
        areas=["литературное чтение"],
        request_text="читает по слогам, 18 слов в минуту",
    ),
    # easy: speech sounds, first grade
    Pupil(
        requests=["логопед", "звуки р, ш"],
        right=("logoped",),
        group_name="1А",
        request_text="не выговаривает р и ш, мама просит логопеда",
    ),
    # medium: branch multi-grade class, ЗПР, counting
    Pupil(
        requests=["счёт в пределах 20"],
        right=("nach_komplekt", "pensioner_uch"),
        group_name="3",
        areas=["математика"],
        request_text="филиал, класс-комплект. ЗПР по ПМПК, путает больше-меньше, пальцами считает",
        special_needs=True,
    ),
    # hard: only the father's job, the actual need is writing mistakes
    Pupil(
        requests=[],
        right=("logoped", "nach_komplekt"),
        group_name="2А",
        request_text="Папа тракторист в КФХ, мама дома с младшими. В тетрадях пропускает буквы, пишет «сабака», «дамой», буквы зеркалит",
    ),
    # easy: first-grader adaptation, cries
    Pupil(
        requests=["адаптация к школе"],
        right=("psiholog", "nach_komplekt"),
        group_name="1А",
        request_text="плачет по утрам, не хочет отпускать маму",
    ),
    # medium: Tuvan-speaking newcomer in grade 3
    Pupil(
        requests=["новенькая", "русский язык"],
        right=("peer_10_ayana", "bibliotekar", "nach_komplekt"),
        group_name="3А",
        request_text="приехали из Тувы в октябре, дома говорят по-тувински, по-русски понимает но стесняется говорить",
    ),
    # medium: hearing loss, grade 4
    Pupil(
        requests=["слабослышащий"],
        right=("logoped", "nach_komplekt"),
        group_name="4А",
        areas=["русский язык"],
        request_text="слуховой аппарат на одно ухо, сидит за первой партой, не все слова слышит на диктанте",
        special_needs=True,
    ),
    # easy: gifted in maths, primary
    Pupil(
        requests=["олимпиадные задачи", "математика для сильных"],
        right=("pensioner_uch", "nach_komplekt"),
        group_name="4А",
        request_text="решает всё раньше всех и скучает, хочет задачки посложнее",
    ),
    # easy: wants to sing, grade 3
    Pupil(
        requests=["хор"],
        right=("dom_kultury", "peer_10_ayana"),
        group_name="3А",
        areas=["музыка"],
        request_text="очень любит петь, бабушка пела в народном хоре",
    ),
    # hard: refusal of sport, the need is fear of answering at the board
    Pupil(
        requests=[],
        right=("psiholog", "nach_komplekt"),
        group_name="4А",
        request_text="В спорт записывать не надо, он ходит на лыжи с отцом. Боится отвечать у доски, краснеет, молчит, хотя дома всё знает",
    ),
    # medium: after a long illness, grade 3
    Pupil(
        requests=["пропустил полгода (пневмония, больница)"],
        right=("pensioner_uch", "nach_komplekt"),
        group_name="3А",
        areas=["математика", "русский язык"],
        request_text="лежал в краевой больнице с сентября по январь, отстал по всем",
    ),
    # medium: mild intellectual disability, branch, grade 2
    Pupil(
        requests=["УО", "АООП вариант 1"],
        right=("nach_komplekt", "logoped"),
        group_name="2",
        request_text="филиал; лёгкая умственная отсталость, речь бедная, нужен индивидуальный подход",
        special_needs=True,
    ),
    # easy: drawing
    Pupil(
        requests=["рисование"],
        right=("anglichanka",),
        group_name="3А",
        request_text="рисует на всех тетрадках, хочет в художку, но её у нас нет",
    ),
    # hard: English mentioned as absent, actual need reading comprehension
    Pupil(
        requests=["понимание прочитанного"],
        right=("bibliotekar", "nach_komplekt", "pensioner_uch"),
        group_name="4А",
        areas=["литературное чтение"],
        request_text="С английским всё нормально, пятёрки. А вот прочитает текст и пересказать не может, на ВПР завалили чтение",
    ),
    # medium: boarding pupil, homework
    Pupil(
        requests=["домашнее задание в интернате"],
        right=("pensioner_uch", "nach_komplekt"),
        group_name="4А",
        request_text="живёт в интернате с пн по пт, дома с уроками никто не помогает, родители на ферме",
    ),
    # hard: hyperactive, fights in grade 3 — at-risk, primary
    Pupil(
        requests=["поведение", "драки на перемене"],
        right=("psiholog", "fizruk"),
        group_name="3А",
        request_text="дерётся, не может усидеть, отец пьёт, семья на учёте как СОП",
        at_risk=True,
    ),
    # easy: speech, stutter
    Pupil(
        requests=["заикание"],
        right=("logoped", "psiholog"),
        group_name="2А",
        request_text="заикается когда волнуется",
    ),
    # medium: Kazakh-speaking family, grade 1
    Pupil(
        requests=["подготовка к письму", "русский не родной"],
        right=("nach_komplekt", "logoped", "bibliotekar"),
        group_name="1А",
        request_text="семья казахская, дома по-казахски, в садик не ходил",
    ),
    # easy: ОРКСЭ project grade 4
    Pupil(
        requests=["проект по ОРКСЭ"],
        right=("istorik",),
        group_name="4А",
        request_text="проект «Традиции моей семьи» — нужна помощь",
    ),
    # medium: shy, no friends in primary
    Pupil(
        requests=["друзья", "общение"],
        right=("psiholog", "dom_kultury", "peer_10_ayana"),
        group_name="3",
        request_text="в филиале всего 7 детей, с ней никто не играет, всё время одна",
    ),
    # hard: loves animals, wants the farm — but primary grade, farmer is 7+
    Pupil(
        requests=["животные"],
        right=("nach_komplekt", "bibliotekar"),
        group_name="2А",
        request_text="хочет ветеринаром как дядя, читает про животных, просит книжки про лошадей",
    ),
    # medium: foster child grade 4
    Pupil(
        requests=["опека", "успеваемость"],
        right=("psiholog", "pensioner_uch", "nach_komplekt"),
        group_name="4А",
        request_text="под опекой у бабушки, мама лишена прав; учится на 3, замкнутая",
        at_risk=True,
    ),
    # easy: skiing in grade 4
    Pupil(
        requests=["лыжи"],
        right=("fizruk",),
        group_name="4А",
        request_text="хочет в лыжную секцию, бегает быстрее всех",
    ),
    # medium: dysgraphia grade 3 with spelling
    Pupil(
        requests=["дисграфия"],
        right=("logoped", "nach_komplekt"),
        group_name="3А",
        areas=["русский язык"],
        request_text="русский - 2 за четверть, по устным норм",
    ),
    # hard: slang from parent; maths homework stress, parent on вахта
    Pupil(
        requests=[],
        right=("pensioner_uch", "nach_komplekt", "psiholog"),
        group_name="2",
        request_text="папа на вахте на севере, я одна с троими, не успеваю с ней сидеть, задачи вообще не понимает, таблицу не учит. мама",
    ),
    # --- grades 5–7 ---
    # easy: maths gaps grade 5
    Pupil(
        requests=["математика", "дроби"],
        right=("matem", "peer_11a_vera", "pensioner_uch"),
        group_name="5А",
        areas=["математика"],
        request_text="дроби не понимает совсем",
    ),
    # easy: Russian spelling grade 6
    Pupil(
        requests=["орфография"],
        right=("rus_lit", "peer_11a_vera"),
        group_name="6А",
        areas=["русский язык"],
        request_text="Русский - 3, ошибок куча в диктантах",
    ),
    # medium: adaptation in grade 5, came from the branch
    Pupil(
        requests=["адаптация в 5 классе"],
        right=("psiholog", "peer_11a_vera", "peer_11a_artem"),
        group_name="5А",
        request_text="перешёл из филиала, где учились 6 человек, тут класс 22 и много учителей, теряется",
    ),
    # easy: wrestling
    Pupil(
        requests=["борьба"],
        right=("peer_11a_artem", "fizruk"),
        group_name="6Б",
        request_text="хочет на вольную борьбу как старший брат",
    ),
    # hard: petty theft, at-risk grade 6, refuses psychologist
    Pupil(
        requests=["кражи"],
        right=("socped", "fizruk", "psiholog"),
        group_name="6Б",
        request_text="взял деньги из раздевалки, уже второй раз. К психологу идти отказывается, говорит «я не псих». Мать одна, 5 детей",
        at_risk=True,
    ),
    # medium: ЗПР grade 5, maths
    Pupil(
        requests=["АОП ЗПР", "математика"],
        right=("matem", "pensioner_uch"),
        group_name="5Б",
        request_text="ЗПР (вариант 7.2), таблица умножения до сих пор не выучена",
        special_needs=True,
    ),
    # easy: young firefighters
    Pupil(
        requests=["ДЮП", "пожарные"],
        right=("pozharnyi",),
        group_name="6А",
        request_text="мечтает быть пожарным, летом смотрел как тушили тайгу",
    ),
    # easy: robotics grade 7
    Pupil(
        requests=["робототехника"],
        right=("fiz_inf", "peer_11a_artem"),
        group_name="7А",
        request_text="собирает роботов из лего, хочет ардуино",
    ),
    # medium: gifted in history, nobody to compete with
    Pupil(
        requests=["олимпиада по истории"],
        right=("istorik",),
        group_name="7А",
        request_text="знает все даты, читает взрослые книги по войне, в классе ей не с кем соревноваться, хочет на муниципальный этап",
    ),
    # hard: Altai-speaking newcomer grade 5, mentions only football
    Pupil(
        requests=["футбол"],
        right=("peer_10_ayana", "psiholog", "fizruk"),
        group_name="5Б",
        request_text="приехал из Горного Алтая, по-русски говорит плохо, на переменах один. Просит про футбол, но секции футбола у нас нет",
    ),
    # medium: truancy, grade 7, parents on вахта
    Pupil(
        requests=["прогулы"],
        right=("socped", "psiholog", "shofer_mehanik"),
        group_name="7Б",
        request_text="оба родителя на вахте, живёт с дедом, 30 пропусков за 1 четверть без уважительной",
        at_risk=True,
    ),
    # easy: drama club
    Pupil(
        requests=["драмкружок", "сцена"],
        right=("rus_lit", "dom_kultury"),
        group_name="6А",
        request_text="хочет играть в спектаклях",
    ),
    # easy: English grade 5, only "3" and fear
    Pupil(
        requests=["английский"],
        right=("anglichanka",),
        group_name="5А",
        areas=["английский язык"],
        request_text="Английский 3, слова не запоминает, стесняется читать вслух",
    ),
    # hard: "проблем с поведением нет" — need is reading, grade 6, boarding
    Pupil(
        requests=[],
        right=("bibliotekar", "rus_lit", "pensioner_uch"),
        group_name="6Б",
        request_text="Проблем с поведением нет, спокойный. Живёт в интернате. Не читает вообще ничего, даже задания по литературе, книг дома нет",
    ),
    # easy: forestry interest
    Pupil(
        requests=["школьное лесничество"],
        right=("lesnichiy", "him_bio_geo"),
        group_name="7А",
        areas=["биология"],
        request_text="любит лес, знает следы зверей, хочет сажать кедры",
    ),
    # easy: folk choir
    Pupil(
        requests=["народный хор", "песни"],
        right=("dom_kultury", "peer_10_ayana"),
        group_name="5Б",
        request_text="поёт",
    ),
    # hard: fights, grade 7, at-risk — sport suggested by father's note
    Pupil(
        requests=["агрессия", "драки"],
        right=("fizruk", "psiholog", "socped"),
        group_name="7Б",
        request_text="постоянно дерётся, на ПДН поставили после драки у клуба. Отец пишет: пусть хоть в борьбу ходит, энергию куда-то девать",
        at_risk=True,
    ),
    # medium: after an illness, grade 6
    Pupil(
        requests=["догнать программу"],
        right=("matem", "pensioner_uch", "rus_lit"),
        group_name="6А",
        areas=["математика", "русский язык"],
        request_text="2 месяца на домашнем обучении после операции, пробелы по математике и русскому",
    ),
    # easy: museum
    Pupil(
        requests=["школьный музей", "краеведение"],
        right=("istorik", "bibliotekar"),
        group_name="6Б",
        request_text="интересуется историей села, прадед основал колхоз",
    ),
    # medium: hearing impaired grade 7, maths
    Pupil(
        requests=["математика", "слабый слух"],
        right=("matem", "psiholog"),
        group_name="7А",
        request_text="тугоухость 2 ст., на уроках не всё слышит, по математике тройки",
        special_needs=True,
    ),
    # hard: volleyball request but the issue is low self-esteem, overweight
    Pupil(
        requests=["волейбол"],
        right=("psiholog", "fizruk"),
        group_name="7А",
        request_text="дразнят из-за веса, хочет на волейбол но боится что засмеют, самооценка ниже плинтуса",
    ),
    # easy: biology experiments
    Pupil(
        requests=["опыты", "микроскоп"],
        right=("him_bio_geo",),
        group_name="7Б",
        areas=["биология"],
        request_text="в Точке роста понравился микроскоп, хочет проект",
    ),
    # medium: large low-income family, nothing to read or wear; needs social help
    Pupil(
        requests=["малоимущая семья"],
        right=("socped", "psiholog"),
        group_name="5А",
        request_text="многодетная (7 детей), малоимущие, ходит в одной одежде, стесняется, бывает голодный до обеда",
        at_risk=True,
    ),
    # hard: typos and slang, grade 7 pupil's own words
    Pupil(
        requests=[],
        right=("fiz_inf", "peer_11a_artem"),
        group_name="7Б",
        request_text="хачу научица делать игры на компе и сайты, у нас инфа тока с 7 класа а я уже всё знаю",
    ),
    # medium: UO light, grade 6, labour skills
    Pupil(
        requests=["УО", "трудовые навыки"],
        right=("pensioner_uch", "matem"),
        group_name="6Б",
        request_text="лёгкая умственная отсталость, учится по АООП, любит работать руками, счёт денег плохо",
        special_needs=True,
    ),
    # easy: fishing and river ecology
    Pupil(
        requests=["экология реки"],
        right=("lesnichiy", "him_bio_geo"),
        group_name="7А",
        request_text="рыбачит с отцом, заметил что рыбы стало меньше, хочет узнать почему",
    ),
    # medium: bullying victim grade 6
    Pupil(
        requests=["травля"],
        right=("psiholog", "socped"),
        group_name="6А",
        request_text="одноклассники обзывают «детдомовская», она приёмная, плачет после уроков",
    ),
    # easy: geography
    Pupil(
        requests=["география", "карты"],
        right=("him_bio_geo",),
        group_name="7А",
        request_text="География 5, хочет на олимпиаду",
    ),
    # hard: mother's job not a request (feldsher-like), need: Russian spelling
    Pupil(
        requests=["русский"],
        right=("rus_lit", "peer_11a_vera"),
        group_name="5Б",
        request_text="мама работает медсестрой в районной больнице, поэтому дома не бывает. По русскому двойки за диктанты, правила знает, но пишет с ошибками",
    ),
    # easy: skiing competitions
    Pupil(
        requests=["лыжные гонки", "районные соревнования"],
        right=("fizruk",),
        group_name="5А",
        request_text="третье место на районе, хочет больше",
    ),
    # hard: empty requests, only areas — multiple subjects grade 6
    Pupil(
        requests=[],
        right=("matem", "pensioner_uch"),
        group_name="6А",
        areas=["математика"],
    ),
    # medium: shy, wants to perform but afraid of stage
    Pupil(
        requests=["страх сцены"],
        right=("dom_kultury", "rus_lit", "psiholog"),
        group_name="6Б",
        request_text="записалась в хор, на концерте убежала со сцены, хочет попробовать снова",
    ),
    # easy: Движение первых activity
    Pupil(
        requests=["Движение первых", "волонтёрство"],
        right=("peer_11a_vera", "socped"),
        group_name="7Б",
        request_text="хочет быть в активе, помогать пожилым",
    ),
    # hard: smoking, vaping at grade 7 — feldsher is 8+, at-risk
    Pupil(
        requests=["курит"],
        right=("socped", "psiholog", "fizruk"),
        group_name="7Б",
        request_text="застали с сигаретами за школой, курит с 6 класса, в семье все курят",
        at_risk=True,
    ),
    # medium: stay in the village, loves tractors, grade 7
    Pupil(
        requests=["техника", "трактор"],
        right=("shofer_mehanik", "fermer"),
        group_name="7А",
        request_text="все выходные у соседа в гараже, разбирает мопед",
    ),
    # easy: chess-like logic → maths olympiad grade 5
    Pupil(
        requests=["олимпиада по математике"],
        right=("matem",),
        group_name="5А",
        request_text="сильный, хочет на олимпиаду",
    ),
    # medium: Kazakh-speaking family grade 5, reading
    Pupil(
        requests=["чтение"],
        right=("bibliotekar", "peer_10_ayana", "rus_lit"),
        group_name="5Б",
        request_text="в семье говорят по-казахски, читает медленно и не понимает половину слов в учебнике",
    ),
    # hard: negations — "не ЗПР, не ленивый", need is anxiety about control works
    Pupil(
        requests=["контрольные"],
        right=("psiholog", "matem"),
        group_name="6А",
        request_text="Это не ЗПР и он не ленивый, дома решает всё. А на контрольной паника, руки трясутся, сдаёт пустой лист",
    ),
    # medium: foster child grade 5, angry
    Pupil(
        requests=["опекаемый", "вспышки гнева"],
        right=("psiholog", "socped", "fizruk"),
        group_name="5Б",
        request_text="взят под опеку в сентябре из другого района, срывается, кидает вещи",
        at_risk=True,
    ),
    # easy: drawing posters grade 6
    Pupil(
        requests=["ИЗО", "плакаты"],
        right=("anglichanka", "peer_10_ayana"),
        group_name="6А",
        request_text="рисует стенгазеты для класса",
    ),
    # easy: first troubles with physics in grade 7
    Pupil(
        requests=["физика"],
        right=("fiz_inf",),
        group_name="7Б",
        areas=["физика"],
        request_text="Физика - 2. Задачи с формулами не понимает",
    ),
    # hard: the grandmother's words, at-risk, alcohol at home, grade 5
    Pupil(
        requests=[],
        right=("socped", "psiholog"),
        group_name="5А",
        request_text="мать гуляет, приходит пьяная, внук ночует то у меня то у соседей. учится плохо, в школу ходит голодный. бабушка",
        at_risk=True,
    ),
    # medium: museum project, war letters, grade 7
    Pupil(
        requests=["исследовательская работа", "письма с фронта"],
        right=("istorik", "bibliotekar"),
        group_name="7Б",
        request_text="нашли дома письма прадеда, хочет сделать работу на конференцию",
    ),
    # easy: peer help in maths grade 6
    Pupil(
        requests=["помощь с домашкой по математике"],
        right=("peer_11a_vera", "matem"),
        group_name="6Б",
        request_text="нужен кто-то из старших",
    ),
    # --- grades 8–9 ---
    # easy: ОГЭ maths
    Pupil(
        requests=["ОГЭ математика"],
        right=("matem",),
        group_name="9А",
        areas=["математика"],
        request_text="боится не сдать математику",
    ),
    # easy: ОГЭ Russian, essay 13.3
    Pupil(
        requests=["ОГЭ русский", "сочинение"],
        right=("rus_lit",),
        group_name="9А",
        request_text="сочинение 13.3 не получается",
    ),
    # easy: medical college after 9th
    Pupil(
        requests=["медколледж", "биология"],
        right=("feldsher", "him_bio_geo"),
        group_name="9Б",
        request_text="после 9 хочет в медицинский колледж в районе, на фельдшера",
    ),
    # easy: agricultural college after 9th, stay in the village
    Pupil(
        requests=["аграрный колледж"],
        right=("fermer", "him_bio_geo"),
        group_name="9А",
        request_text="хочет остаться в селе, держать коров как отец, поступать на ветеринара в аграрный",
    ),
    # medium: police college
    Pupil(
        requests=["полицейский колледж", "профориентация"],
        right=("pozharnyi", "istorik", "fizruk"),
        group_name="9Б",
        request_text="хочет в полицию, спрашивает какие экзамены и нормативы",
    ),
    # medium: pedagogical college
    Pupil(
        requests=["педколледж"],
        right=("pensioner_uch", "psiholog", "rus_lit"),
        group_name="9А",
        request_text="хочет стать учителем начальных классов и вернуться работать в свою школу",
    ),
    # hard: ОГЭ fear + "по предметам всё нормально"
    Pupil(
        requests=[],
        right=("psiholog",),
        group_name="9Б",
        request_text="По предметам у неё всё нормально, 4 и 5. Но как слышит слово ОГЭ — истерика, не спит, говорит что всё равно завалит",
    ),
    # easy: chemistry ОГЭ
    Pupil(
        requests=["ОГЭ по химии"],
        right=("him_bio_geo",),
        group_name="9А",
        areas=["химия"],
        request_text="Химия - 3, выбрала на ОГЭ",
    ),
    # easy: informatics ОГЭ
    Pupil(
        requests=["ОГЭ информатика", "python"],
        right=("fiz_inf",),
        group_name="9Б",
        request_text="программирование задания 15-16",
    ),
    # hard: ПДН, theft from shop, wants to be a mechanic
    Pupil(
        requests=["ПДН", "мотоцикл"],
        right=("shofer_mehanik", "socped", "fermer"),
        group_name="8Б",
        request_text="стоит на учёте в ПДН (кража из магазина), учёба не интересна, целыми днями с мотоциклом возится",
        at_risk=True,
    ),
    # easy: ЗПР grade 8, maths base
    Pupil(
        requests=["математика", "ЗПР"],
        right=("matem",),
        group_name="8А",
        request_text="ЗПР, обучается по АОП, к ОГЭ (ГВЭ) надо готовить с 8 класса",
        special_needs=True,
    ),
    # easy: first aid
    Pupil(
        requests=["первая помощь"],
        right=("feldsher", "pozharnyi"),
        group_name="8А",
        request_text="хочет научиться оказывать первую помощь, готовится к соревнованиям «Школа безопасности»",
    ),
    # hard: gifted physicist, no competition, wants to leave the village
    Pupil(
        requests=["олимпиада", "уехать учиться в город"],
        right=("fiz_inf",),
        group_name="9Б",
        areas=["физика"],
        request_text="лучший в районе по физике, в классе не с кем тягаться, хочет в физмат школу в Новосибирске или Красноярске после 9",
    ),
    # medium: alcohol at home, grade 8 girl, self-harm suspicion
    Pupil(
        requests=["трудная жизненная ситуация"],
        right=("psiholog", "socped"),
        group_name="8Б",
        request_text="отчим пьёт, скандалы, на руках порезы (видела классная), родная мать отрицает проблемы",
        at_risk=True,
    ),
    # easy: volleyball team
    Pupil(
        requests=["волейбол", "сборная школы"],
        right=("fizruk",),
        group_name="8А",
        request_text="хочет в сборную на район",
    ),
    # medium: farmstead plot, greenhouse
    Pupil(
        requests=["пришкольный участок", "теплица"],
        right=("fermer", "him_bio_geo"),
        group_name="8А",
        request_text="хочет вырастить рассаду на продажу, свой маленький бизнес",
    ),
    # hard: father a forester — not a request; truancy in grade 9
    Pupil(
        requests=["пропуски"],
        right=("socped", "psiholog", "fizruk"),
        group_name="9А",
        request_text="отец лесник, мать в декрете с пятым. Пропускает по 2-3 дня в неделю, говорит что помогает дома, в школе скучно",
        at_risk=True,
    ),
    # easy: social studies ОГЭ
    Pupil(
        requests=["ОГЭ обществознание"],
        right=("istorik",),
        group_name="9Б",
        areas=["обществознание"],
    ),
    # medium: English ОГЭ, wants to travel
    Pupil(
        requests=["английский ОГЭ"],
        right=("anglichanka",),
        group_name="9А",
        request_text="выбрал английский на ОГЭ, но говорение слабое",
    ),
    # hard: slang, pupil's own words, ЕГЭ irrelevant, wants to work after 9
    Pupil(
        requests=[],
        right=("shofer_mehanik", "fermer"),
        group_name="9Б",
        request_text="учица дальше не буду, пойду после 9 на права и в автомастерскую, мне б на тракториста или сварщика научица",
    ),
    # medium: forest fires, ДЮП + forestry
    Pupil(
        requests=["лесные пожары"],
        right=("pozharnyi", "lesnichiy"),
        group_name="8Б",
        request_text="летом помогал взрослым на пожаре, хочет в лесную охрану",
    ),
    # easy: drama club grade 8
    Pupil(
        requests=["театр"],
        right=("rus_lit", "dom_kultury"),
        group_name="8А",
        request_text="играет в драмкружке, хочет главную роль",
    ),
    # medium: hearing loss grade 9, exams
    Pupil(
        requests=["ГВЭ", "слабослышащая"],
        right=("matem", "psiholog"),
        group_name="9А",
        request_text="нарушение слуха, будет сдавать ГВЭ по математике",
        special_needs=True,
    ),
    # hard: long illness + wants medicine, grade 8
    Pupil(
        requests=["химия", "после болезни"],
        right=("him_bio_geo", "matem"),
        group_name="8Б",
        request_text="сахарный диабет выявили, полтора месяца в больнице. Отстала по химии — только начали, ничего не поняла",
    ),
    # easy: biology olympiad
    Pupil(
        requests=["олимпиада по биологии"],
        right=("him_bio_geo",),
        group_name="8А",
    ),
    # medium: newcomer in grade 8 from the town
    Pupil(
        requests=["новенький", "коллектив"],
        right=("psiholog", "fizruk", "dom_kultury"),
        group_name="8Б",
        request_text="переехали из города к бабушке после развода родителей, ни с кем не общается, говорит что тут «деревня»",
    ),
    # hard: only the mother's words with a refusal
    Pupil(
        requests=[],
        right=("feldsher", "psiholog", "socped"),
        group_name="9Б",
        request_text="Нам спорт не нужен и театры тоже. Сын начал выпивать с парнями на речке, я боюсь что как отец. Пусть кто-то объяснит про здоровье",
        at_risk=True,
    ),
    # medium: Altai-speaking grade 8, Russian language exam
    Pupil(
        requests=["русский язык", "итоговое собеседование"],
        right=("rus_lit", "peer_10_ayana"),
        group_name="8Б",
        request_text="дома говорят по-алтайски, с ударениями и устной речью плохо",
    ),
    # easy: museum guide
    Pupil(
        requests=["экскурсовод в музее"],
        right=("istorik",),
        group_name="8А",
        request_text="хочет водить экскурсии для младших",
    ),
    # medium: Kazakh family, grade 9, college choice unclear
    Pupil(
        requests=["выбор профессии"],
        right=("psiholog", "feldsher", "fermer"),
        group_name="9А",
        request_text="не знает куда после 9: то ли медколледж, то ли аграрный, родители говорят работать",
    ),
    # hard: fights at the bus stop, boarding pupil, grade 8
    Pupil(
        requests=["конфликты"],
        right=("fizruk", "psiholog", "socped"),
        group_name="8А",
        request_text="в интернате и в автобусе постоянные стычки с ребятами из Малиновки, дважды разнимал водитель",
        at_risk=True,
    ),
    # easy: robotics competition grade 8
    Pupil(
        requests=["соревнования по робототехнике"],
        right=("fiz_inf",),
        group_name="8А",
        request_text="хочет на краевой фестиваль роботов",
    ),
    # easy: choir soloist, wants to study music in town
    Pupil(
        requests=["вокал", "музыкальный колледж"],
        right=("dom_kultury",),
        group_name="9Б",
        request_text="солистка народного хора, думает про колледж культуры",
    ),
    # hard: "психолог уже был, не помогло" — maths gap, ЗПР not confirmed
    Pupil(
        requests=["алгебра"],
        right=("matem", "peer_11a_vera"),
        group_name="8Б",
        request_text="С психологом уже занимались в прошлом году, не помогло, больше не надо. Просто не понимает алгебру с 7 класса, уравнения",
    ),
    # medium: physics gaps after injury
    Pupil(
        requests=["физика", "геометрия"],
        right=("fiz_inf", "matem"),
        group_name="8Б",
        request_text="перелом, месяц дома, пропустил темы",
    ),
    # easy: hunting/taiga knowledge
    Pupil(
        requests=["тайга", "охотоведение"],
        right=("lesnichiy",),
        group_name="8А",
        request_text="хочет стать охотоведом",
    ),
    # medium: УО light grade 9, work after school
    Pupil(
        requests=["профессия после 9 класса", "УО"],
        right=("shofer_mehanik", "psiholog", "fermer"),
        group_name="9Б",
        request_text="обучается по АООП (УО лёгкая), руки золотые, хочет в профучилище на слесаря",
        special_needs=True,
    ),
    # hard: gifted girl who wants to leave; parents want her on the farm
    Pupil(
        requests=["поступление", "конфликт с родителями"],
        right=("psiholog", "istorik"),
        group_name="9А",
        request_text="отличница, хочет в 10 класс и потом в университет в Томск на юриста; родители против — «кто на ферме будет работать»",
    ),
    # medium: ДЮП grade 8, rescue on water
    Pupil(
        requests=["спасение на воде"],
        right=("pozharnyi",),
        group_name="8Б",
        request_text="летом на реке утонул знакомый, хочет научиться помогать",
    ),
    # easy: geography ОГЭ
    Pupil(
        requests=["ОГЭ география"],
        right=("him_bio_geo",),
        group_name="9Б",
    ),
    # hard: vaping, petty theft, "в ПДН не стоит", grade 8
    Pupil(
        requests=[],
        right=("socped", "fizruk", "feldsher"),
        group_name="8А",
        request_text="В ПДН не стоит, но: вейп, таскает мелочь у бабушки, грубит учителям. Классный руководитель просит наставника",
        at_risk=True,
    ),
    # medium: skiing + wants the sports college
    Pupil(
        requests=["лыжи", "училище олимпийского резерва"],
        right=("fizruk",),
        group_name="9Б",
        request_text="КМС по лыжам хочет получить",
    ),
    # easy: biology project with soil
    Pupil(
        requests=["проект по экологии", "почва"],
        right=("him_bio_geo", "lesnichiy"),
        group_name="8Б",
        request_text="проект про удобрения на пришкольном участке",
    ),
    # medium: literature, reads a lot, wants to write
    Pupil(
        requests=["пишу стихи"],
        right=("rus_lit", "bibliotekar"),
        group_name="7А",
        request_text="пишет стихи в тетрадку, хочет в районный конкурс",
    ),
    # hard: bus driver's son — not a request; need: computer skills
    Pupil(
        requests=[],
        right=("fiz_inf",),
        group_name="8Б",
        request_text="Отец водитель школьного автобуса, он сам в машинах не разбирается и не хочет. Хочет научиться монтировать видео и делать презентации",
    ),
    # medium: young volunteer, Движение первых grade 8
    Pupil(
        requests=["Движение первых", "лидерство"],
        right=("peer_11a_vera", "socped", "istorik"),
        group_name="8А",
        request_text="выбрали председателем совета класса, не знает как организовать ребят",
    ),
    # easy: English speaking practice grade 8
    Pupil(
        requests=["разговорный английский"],
        right=("anglichanka",),
        group_name="8Б",
    ),
    # hard: foster child grade 9, runs away
    Pupil(
        requests=["опека", "самовольные уходы"],
        right=("socped", "psiholog"),
        group_name="9Б",
        request_text="приёмная семья, дважды уходила из дома на ночь, в розыске была 1 раз",
        at_risk=True,
    ),
    # medium: wrestling grade 8, aggressive but talented
    Pupil(
        requests=["вольная борьба"],
        right=("fizruk",),
        group_name="8Б",
        request_text="занимается борьбой, на тренировках срывается на партнёров",
        at_risk=True,
    ),
    # hard: "химия не нужна", wants the medical college anyway — nursing
    Pupil(
        requests=["медсестра"],
        right=("feldsher", "him_bio_geo"),
        group_name="9А",
        request_text="В медколледж на сестринское дело химию не сдают, так что химия не нужна. Хочет посмотреть как работают в ФАПе",
    ),
    # --- grades 10–11 ---
    # easy: ЕГЭ profile maths
    Pupil(
        requests=["ЕГЭ профиль"],
        right=("matem",),
        group_name="11А",
        areas=["математика"],
        request_text="нужно 70+ на профиль",
    ),
    # easy: ЕГЭ biology for medical university
    Pupil(
        requests=["ЕГЭ биология", "ЕГЭ химия"],
        right=("him_bio_geo", "feldsher"),
        group_name="11А",
        request_text="поступает в медуниверситет по целевому от района",
    ),
    # easy: ЕГЭ social studies, wants law
    Pupil(
        requests=["ЕГЭ обществознание", "право"],
        right=("istorik",),
        group_name="11А",
        request_text="хочет на юрфак, слабо по праву",
    ),
    # easy: final essay fear
    Pupil(
        requests=["итоговое сочинение"],
        right=("rus_lit",),
        group_name="11А",
        request_text="боится незачёта за сочинение в декабре, аргументы из литературы не помнит",
    ),
    # hard: ЕГЭ physics + leaving the village, no mention of physics by name
    Pupil(
        requests=["поступить на инженера"],
        right=("fiz_inf", "matem"),
        group_name="11А",
        request_text="хочет в политех на энергетика, сдаёт профиль и физику, в школе физика 2 часа в неделю и этого мало",
    ),
    # medium: stay and farm, grade 10
    Pupil(
        requests=["своё хозяйство", "бизнес в селе"],
        right=("fermer",),
        group_name="10А",
        request_text="не хочет уезжать, хочет взять грант «Агростартап» когда вырастет, держать пчёл",
    ),
    # hard: exam anxiety with somatic complaints, refuses "medicine"
    Pupil(
        requests=[],
        right=("psiholog",),
        group_name="11А",
        request_text="Перед пробниками болит живот, температура, в ФАП ходили — фельдшер сказал здорова. Сама говорит: лечить меня не надо, просто страшно",
    ),
    # easy: informatics ЕГЭ
    Pupil(
        requests=["ЕГЭ информатика"],
        right=("fiz_inf",),
        group_name="11А",
    ),
    # easy: forester profession, forestry academy
    Pupil(
        requests=["лесное хозяйство", "поступление"],
        right=("lesnichiy",),
        group_name="10А",
        request_text="думает о лесотехническом, нужна практика в лесничестве",
    ),
    # medium: truancy grade 10, works on sawmill
    Pupil(
        requests=["пропуски уроков"],
        right=("socped", "shofer_mehanik", "fermer"),
        group_name="10А",
        request_text="подрабатывает на пилораме, в школу приходит к третьему уроку, семья нуждается",
        at_risk=True,
    ),
    # easy: ЕГЭ Russian base
    Pupil(
        requests=["ЕГЭ русский"],
        right=("rus_lit",),
        group_name="10А",
        areas=["русский язык"],
    ),
    # hard: speaks of brother's police job, own need: fitness for the police academy
    Pupil(
        requests=["нормативы"],
        right=("fizruk", "pozharnyi"),
        group_name="11А",
        request_text="брат служит в полиции в районе, это не про меня. Мне надо подтянуть подтягивания и бег — в институт МЧС физо сдавать",
    ),
    # medium: peer tutoring volunteer wants to be a teacher
    Pupil(
        requests=["педагогический вуз", "вожатая"],
        right=("pensioner_uch", "psiholog"),
        group_name="10А",
        request_text="хочет работать с детьми, на лето вожатой в лагерь",
    ),
    # easy: English ЕГЭ
    Pupil(
        requests=["ЕГЭ английский"],
        right=("anglichanka",),
        group_name="11А",
    ),
    # easy: ДПК volunteer grade 10
    Pupil(
        requests=["добровольная пожарная дружина"],
        right=("pozharnyi",),
        group_name="10А",
        request_text="хочет с 18 в ДПК, пока готовиться",
    ),
    # hard: grade 10 gifted chemist without competition, slang
    Pupil(
        requests=[],
        right=("him_bio_geo",),
        group_name="10А",
        request_text="на школьном этапе по химии одна, заняла 1 место из 1 лол. хочу норм олимпиаду и реальные задачи а не из учебника",
    ),
    # medium: alcohol in family, grade 10, older brother in prison
    Pupil(
        requests=["поддержка", "семейная ситуация"],
        right=("psiholog", "socped"),
        group_name="10А",
        request_text="отец пьёт, старший брат отбывает срок, парень замкнулся, оценки упали",
        at_risk=True,
    ),
    # easy: choir grade 10
    Pupil(
        requests=["ансамбль", "фольклор"],
        right=("dom_kultury",),
        group_name="10А",
    ),
    # medium: museum research for a regional contest
    Pupil(
        requests=["конкурс исследовательских работ", "история села"],
        right=("istorik",),
        group_name="10А",
        request_text="тема — переселенцы 1908 года в наше село",
    ),
    # hard: a mechanic's trade, drivers' licence, at-risk history
    Pupil(
        requests=["права", "ремонт машин"],
        right=("shofer_mehanik", "fermer"),
        group_name="11А",
        request_text="был на учёте в ПДН в 8 классе, сняли. Хочет автомехаником, работать в селе",
        at_risk=True,
    ),
    # medium: hearing-impaired grade 10, career
    Pupil(
        requests=["профориентация", "ОВЗ слух"],
        right=("psiholog", "him_bio_geo"),
        group_name="10А",
        request_text="слабослышащая, хочет быть лаборантом, боится что не возьмут",
        special_needs=True,
    ),
    # easy: feldsher / medicine grade 10
    Pupil(
        requests=["медицина"],
        right=("feldsher",),
        group_name="10А",
        request_text="хочет на практику в ФАП",
    ),
    # easy: ЕГЭ base maths, weak
    Pupil(
        requests=["база по математике"],
        right=("matem",),
        group_name="11А",
        request_text="Математика 3, хотя бы базу сдать на 4",
    ),
    # hard: no request at all, areas only, grade 11
    Pupil(
        requests=[],
        right=("istorik",),
        group_name="11А",
        areas=["история", "обществознание"],
    ),
    # medium: leadership and project of the village
    Pupil(
        requests=["социальный проект", "Движение первых"],
        right=("socped", "istorik"),
        group_name="10А",
        request_text="хочет сделать детскую площадку в селе через грант",
    ),
    # hard: wants to leave, afraid of town life, first in family to go to university
    Pupil(
        requests=["страшно уезжать"],
        right=("psiholog", "anglichanka"),
        group_name="11А",
        request_text="первая в семье кто поступает в вуз, в городе ни разу не была одна, боится общаги и что не потянет",
    ),
    # easy: volleyball grade 11
    Pupil(
        requests=["волейбол"],
        right=("fizruk",),
        group_name="11А",
        request_text="капитан команды, хочет судейство",
    ),
    # medium: robotics & 3D for a project, grade 10
    Pupil(
        requests=["3D-моделирование", "проект"],
        right=("fiz_inf",),
        group_name="10А",
        request_text="хочет напечатать деталь для трактора отца на 3D принтере",
    ),
    # hard: the family's farm is a context, the request is anxiety after fire
    Pupil(
        requests=[],
        right=("psiholog",),
        group_name="10А",
        request_text="Летом сгорел дом и сарай, живут у родственников, ферму не восстановили. Плохо спит, вздрагивает от запаха дыма",
        at_risk=True,
    ),
    # easy: veterinary academy
    Pupil(
        requests=["ветеринария"],
        right=("fermer", "him_bio_geo"),
        group_name="11А",
        request_text="хочет в ветакадемию, помогает отцу с отёлами",
    ),
    # --- more, mixed grades ---
    # medium: grade 5 boy, newcomer, wants the wrestling peer
    Pupil(
        requests=["знакомство с ребятами", "спорт"],
        right=("peer_11a_artem", "fizruk", "psiholog"),
        group_name="5А",
        request_text="новенький с Кузбасса, стеснительный, любит бороться с братьями",
    ),
    # easy: grade 6 fishing + taiga club
    Pupil(
        requests=["походы в тайгу"],
        right=("lesnichiy", "fizruk"),
        group_name="6Б",
        request_text="мечтает в поход с ночёвкой",
    ),
    # medium: grade 4 dramatic reading contest
    Pupil(
        requests=["Живая классика", "выразительное чтение"],
        right=("bibliotekar", "dom_kultury", "nach_komplekt"),
        group_name="4А",
        request_text="читает стихи с выражением, хочет на районный конкурс чтецов",
    ),
    # hard: grade 7, Tuvan, the "не понимаю задания" is language not maths
    Pupil(
        requests=["не понимает задания"],
        right=("peer_10_ayana", "bibliotekar", "rus_lit"),
        group_name="7Б",
        request_text="из тувинской семьи, в Туве учился на тувинском до 4 класса. Считает хорошо, а текстовые задачи не понимает — слова непонятные",
    ),
    # easy: grade 9 ДЮП contest
    Pupil(
        requests=["соревнования ДЮП"],
        right=("pozharnyi",),
        group_name="9А",
        request_text="команда ДЮП едет на район в апреле",
    ),
    # medium: grade 6 girl, drawing for the museum
    Pupil(
        requests=["оформление музея", "рисование"],
        right=("anglichanka", "istorik"),
        group_name="6А",
        request_text="рисует хорошо, учитель истории позвал рисовать карту села для музея",
    ),
    # hard: grade 5, grandmother's note, mild ЗПР + foster, no requests
    Pupil(
        requests=[],
        right=("pensioner_uch", "matem", "psiholog"),
        group_name="5Б",
        request_text="внучка у меня под опекой, по заключению ЗПР, учится по адаптированной, я старая уже в математике её не понимаю. опекун",
        special_needs=True,
    ),
    # easy: grade 2, branch, reading club
    Pupil(
        requests=["любит книжки"],
        right=("bibliotekar",),
        group_name="2",
        request_text="филиал, ходит в сельскую библиотеку каждый день",
    ),
    # easy: grade 7, culture club host of events
    Pupil(
        requests=["ведущий концертов"],
        right=("dom_kultury", "rus_lit"),
        group_name="7А",
        request_text="хорошо говорит, хочет вести праздник на День села",
    ),
    # hard: grade 9, parents drink, bussed from the far village, sleeps at lessons
    Pupil(
        requests=["спит на уроках"],
        right=("socped", "psiholog"),
        group_name="9Б",
        request_text="возят из Берёзовки к 8:00, выезжает в 6:40, дома пьянки до ночи, на уроках спит. Учителя пишут «ленится»",
        at_risk=True,
    ),
    # medium: grade 10, English for travel, wants to leave for abroad
    Pupil(
        requests=["английский для жизни", "за границу"],
        right=("anglichanka",),
        group_name="10А",
        request_text="хочет уехать работать за границу, разговорный нулевой",
    ),
    # easy: grade 8, forestry + planting
    Pupil(
        requests=["лесничество", "посадка сосны"],
        right=("lesnichiy",),
        group_name="8Б",
    ),
    # medium: grade 3, Altai family, songs
    Pupil(
        requests=["петь на алтайском"],
        right=("peer_10_ayana", "dom_kultury"),
        group_name="3А",
        request_text="знает алтайские песни от бабушки, хочет выступить",
    ),
    # hard: grade 6 boy, "не драчун", the need is sport because of weakness and teasing
    Pupil(
        requests=[],
        right=("peer_11a_artem", "fizruk"),
        group_name="6А",
        request_text="Он не драчун и не хулиган, наоборот, самый маленький и слабый в классе, его толкают. Хочет стать сильнее и дать сдачи",
    ),
    # medium: grade 7, physics and computer, gifted, bored
    Pupil(
        requests=["скучно на уроках", "программирование"],
        right=("fiz_inf",),
        group_name="7А",
        request_text="всё знает наперёд, на информатике мешает другим от скуки",
    ),
    # easy: grade 5, Russian with a «3»
    Pupil(
        requests=["русский язык"],
        right=("rus_lit", "peer_11a_vera"),
        group_name="5А",
        areas=["русский язык"],
        request_text="Русский - 3",
    ),
    # hard: grade 8, pupil's words, wants to stay, hates school, likes horses
    Pupil(
        requests=[],
        right=("fermer",),
        group_name="8А",
        request_text="в школе мне ничего не нада, я после 9 на ферму к дяде. коней люблю, сено косить умею, хотел бы научица вести хозяйство по уму",
    ),
    # easy: grade 11 girl who wants to be a feldsher and return
    Pupil(
        requests=["вернуться в село работать"],
        right=("feldsher",),
        group_name="11А",
        request_text="хочет на лечебное дело и вернуться в наш ФАП, фельдшер скоро на пенсию",
    ),
    # easy: grade 9, physics ОГЭ
    Pupil(
        requests=["ОГЭ физика"],
        right=("fiz_inf",),
        group_name="9А",
        areas=["физика"],
    ),
    # medium: grade 4 shy boy, boarding, misses home
    Pupil(
        requests=["скучает по дому"],
        right=("psiholog", "pensioner_uch"),
        group_name="4А",
        request_text="первый год в интернате, по ночам плачет, домой только на выходные",
    ),
    # hard: grade 7, ПДН for setting grass on fire
    Pupil(
        requests=["поджог травы", "ПДН"],
        right=("pozharnyi", "socped"),
        group_name="7А",
        request_text="весной с друзьями подожгли сухую траву, чуть не дошло до леса, поставили на учёт",
        at_risk=True,
    ),
    # medium: grade 6 Kazakh girl, English is easier for her than Russian
    Pupil(
        requests=["русский как второй"],
        right=("rus_lit", "bibliotekar", "peer_10_ayana"),
        group_name="6Б",
        request_text="приехали из Казахстана летом, английский у неё лучше чем русский, пишет с ошибками",
    ),
]
