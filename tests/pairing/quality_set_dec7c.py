"""A blind labelled set for the quality of matching, ``held_out_dec7c``: written on 6 December 2026 by a
writer who had read neither the engine's vocabulary nor its meaning and matching code, nor any other
labelled set's pupils, nor the bench's output or misses.

The school: a school of about 1,000 pupils in a northern oil-and-gas town (ХМАО/ЯНАО). Many parents
work on shifts (вахта) for weeks at a time; indigenous pupils (ханты, манси, ненцы) live in the school's
boarding house (интернат) while their families herd reindeer and fish. From grade 10 there is an
engineering class sponsored by the oil company («нефтегазовый класс», «10Н», «11Н») and a class of
future teachers («психолого-педагогический класс», «10П», «11П»), alongside ordinary classes. The
school has a strong music school, a national crafts circle (beadwork, carving on bone), ice hockey and
cross-country skiing, a robotics and drone club, an English teacher who runs debates and Model UN, and
Olympiad biology built on taiga ecology. Long polar nights bring sleep trouble, low mood and low energy.
Pupils arrive mid-year from other regions (Dagestan, Bashkortostan, Ukraine-born families); there are
pupils with ОВЗ (ЗПР, hearing impairment, diabetes, ADHD) and at-risk teenagers (КДН, alcohol in the
family, online gambling, running away from the internat). Many want to leave after the 9th grade for a
college (нефтяной техникум, medical college); others prepare for ОГЭ/ЕГЭ and choose a career (oil
engineer, pilot, doctor, teacher, programmer, military).

Mentors are written as the school fills its mentors' spreadsheet: free phrases, abbreviations, grade
ranges in varied notations. Three senior pupils are peer mentors. A pupil's ``right`` mentors are those
the school psychologist would accept, her first choice first, taking the grade, the mentor's preferred
grades and ОВЗ / at-risk training into account. Comments mark each pupil easy, medium or hard as the
writer judged it.
"""

from .quality_set import Pupil, Teacher

DEC7C_MENTORS: list[Teacher] = [
    Teacher(
        key="matem_oge",
        competencies=[
            "математика 5–9 кл.",
            "ОГЭ математика, разбор КИМов",
            "ликвидация пробелов, слабоуспевающие",
            "работа с детьми с ОВЗ (ЗПР), адаптированные задания",
        ],
        subject="Математика",
        interests=["рыбалка", "настольные игры"],
        age=49,
        capacity=10,
        special_needs_trained=True,
        preferred_grades="5-9 кл.",
    ),
    Teacher(
        key="matem_ege",
        competencies=[
            "профильная математика, ЕГЭ профиль на 80+",
            "олимпиадная математика (ВсОШ муниц./регион.)",
            "математика в нефтегазовом классе",
            "подготовка к поступлению в технические вузы (УГНТУ, ТИУ)",
        ],
        subject="Математика",
        interests=["шахматы", "лыжи"],
        age=44,
        capacity=9,
        preferred_grades="8–11 (олимпиадники), ЕГЭ — 10-11",
    ),
    Teacher(
        key="fizik",
        competencies=[
            "физика, ОГЭ/ЕГЭ",
            "решение задач повыш. уровня",
            "профориентация: авиация, лётные училища (бывший штурман)",
            "физика в 10Н–11Н",
        ],
        subject="Физика",
        interests=["авиация", "авиамоделизм"],
        age=56,
        capacity=9,
        preferred_grades="с 8 класса",
    ),
    Teacher(
        key="himik",
        competencies=[
            "химия ОГЭ, ЕГЭ",
            "подготовка в медвуз и медколледж",
            "лабораторные опыты, практикум",
            "прошла курсы по инклюзии (2025), есть ученики с сахарным диабетом",
        ],
        subject="Химия",
        interests=["цветоводство"],
        age=41,
        capacity=9,
        special_needs_trained=True,
        preferred_grades="8–11",
    ),
    Teacher(
        key="biolog",
        competencies=[
            "биология, олимпиады ВсОШ (регион. этап)",
            "экология тайги, полевые практики, экспедиции",
            "ЕГЭ/ОГЭ биология",
            "исследовательские проекты, НПК",
        ],
        subject="Биология",
        interests=["орнитология", "лодочные походы по Оби"],
        age=38,
        capacity=9,
        preferred_grades="6-11 кл., олимпиадники с 5",
    ),
    Teacher(
        key="rusist",
        competencies=[
            "русский язык и литература",
            "ОГЭ, ЕГЭ, итоговое сочинение/собеседование",
            "русский как неродной — дети-инофоны, приехавшие",
            "опыт работы с детьми с ЗПР",
        ],
        subject="Русский язык, литература",
        interests=["театр", "чтение"],
        age=52,
        capacity=10,
        special_needs_trained=True,
        preferred_grades="5–11",
    ),
    Teacher(
        key="anglichanka",
        competencies=[
            "английский язык, ОГЭ/ЕГЭ",
            "дебатный клуб, публичные выступления",
            "Модель ООН (MUN), международные конкурсы",
            "разговорный англ.",
        ],
        subject="Английский язык",
        interests=["путешествия", "сериалы на англ."],
        age=33,
        capacity=9,
        preferred_grades="5-11 (дебаты и MUN с 8)",
    ),
    Teacher(
        key="istorik",
        competencies=[
            "история, обществознание ОГЭ/ЕГЭ",
            "руководитель отряда Юнармии, военно-патриотический клуб",
            "поступление в военные училища",
            "краеведение, поисковая работа",
            "работает с подростками, состоящими на учёте",
        ],
        subject="История, обществознание",
        interests=["реконструкция", "стрельба"],
        age=46,
        capacity=8,
        at_risk_experience=True,
        preferred_grades="5–11",
    ),
    Teacher(
        key="informatik",
        competencies=[
            "информатика ОГЭ/ЕГЭ",
            "программирование Python",
            "руководитель кружка робототехники и дронов (БПЛА)",
            "соревнования по робототехнике, WorldSkills Juniors",
        ],
        subject="Информатика",
        interests=["FPV-дроны", "3D-печать"],
        age=35,
        capacity=12,
        preferred_grades="с 5 кл. (кружок дронов — с 4)",
    ),
    Teacher(
        key="hanty_internat",
        competencies=[
            "хантыйский язык (родной язык)",
            "воспитатель интерната",
            "адаптация детей из стойбищ и национальных посёлков",
            "традиционная культура, связь с семьями оленеводов",
            "профилактика самовольных уходов",
        ],
        subject="Родной (хантыйский) язык",
        interests=["фольклор", "национальные игры"],
        age=50,
        capacity=10,
        at_risk_experience=True,
        preferred_grades="1–9, воспитанники интерната",
    ),
    Teacher(
        key="psiholog",
        competencies=[
            "педагог-психолог",
            "тревожность, экзаменационный стресс",
            "самооценка, конфликты, буллинг",
            "сезонная депрессия, режим сна в полярную ночь",
            "профориентационная диагностика",
            "сопровождение детей с ОВЗ и группы риска",
        ],
        subject="",
        interests=["арт-терапия"],
        age=39,
        capacity=12,
        special_needs_trained=True,
        at_risk_experience=True,
    ),
    Teacher(
        key="socped",
        competencies=[
            "социальный педагог",
            "КДН и ЗП, ПДН, профилактический учёт",
            "неблагополучные семьи, алкоголь в семье",
            "игровая зависимость, онлайн-ставки",
            "пропуски, бродяжничество",
        ],
        subject="",
        interests=["волонтёрство"],
        age=47,
        capacity=10,
        at_risk_experience=True,
        preferred_grades="5-11 кл.",
    ),
    Teacher(
        key="logoped",
        competencies=[
            "учитель-логопед",
            "звукопроизношение, постановка звуков",
            "дисграфия, дислексия",
            "развитие речи у детей-билингвов",
        ],
        subject="Логопедия",
        interests=["сказкотерапия"],
        age=45,
        capacity=8,
        special_needs_trained=True,
        preferred_grades="нач. школа",
    ),
    Teacher(
        key="tyutor_ovz",
        competencies=[
            "тьютор, сопровождение обучающихся с ОВЗ",
            "ЗПР, СДВГ, нарушения слуха (слабослышащие)",
            "АООП, индивидуальный маршрут",
            "дети с СД 1 типа — контроль, взаимодействие с медиками",
        ],
        subject="",
        interests=["лего-конструирование"],
        age=36,
        capacity=9,
        special_needs_trained=True,
        preferred_grades="1–9",
    ),
    Teacher(
        key="trener",
        competencies=[
            "хоккей с шайбой, тренер ДЮСШ",
            "лыжные гонки",
            "ГТО, подготовка к сдаче нормативов",
            "трудные подростки — через спорт",
            "физподготовка к военным училищам",
        ],
        subject="Физическая культура",
        interests=["хоккей", "охота"],
        age=42,
        capacity=10,
        at_risk_experience=True,
        preferred_grades="3-11",
    ),
    Teacher(
        key="muzyka",
        competencies=[
            "учитель музыки, преподаватель ДШИ",
            "вокал, хор",
            "гитара, фортепиано",
            "подготовка к конкурсам и концертам, сценическое волнение",
            "поступление в колледж искусств",
        ],
        subject="Музыка",
        interests=["джаз", "звукозапись"],
        age=48,
        capacity=8,
    ),
    Teacher(
        key="remeslo",
        competencies=[
            "кружок национальных ремёсел",
            "бисероплетение, орнаменты обско-угорских народов",
            "резьба по кости и дереву",
            "выставки, конкурсы ДПИ",
            "занимается с детьми с ОВЗ (ручной труд)",
        ],
        subject="Технология / ДПИ",
        interests=["этнография", "шитьё из меха"],
        age=58,
        capacity=8,
        special_needs_trained=True,
        preferred_grades="с 3 кл.",
    ),
    Teacher(
        key="inzhener",
        competencies=[
            "инженер-технолог по добыче нефти и газа (ООО «РН-Юганскнефтегаз»)",
            "куратор нефтегазового класса от предприятия",
            "профориентация: нефтяные вузы и техникумы, целевое обучение",
            "инженерные проекты, экскурсии на месторождение",
        ],
        subject="",
        interests=["автоматизация", "снегоходы"],
        age=34,
        capacity=9,
        preferred_grades="8-11",
    ),
    Teacher(
        key="molodoy_pedagog",
        competencies=[
            "молодой специалист, учитель нач. классов (выпускница пед. вуза 2025)",
            "куратор психолого-педагогического класса",
            "вожатская практика, волонтёрство",
            "адаптация первоклассников и новеньких",
        ],
        subject="Начальные классы",
        interests=["танцы", "блогинг"],
        age=23,
        capacity=8,
        preferred_grades="1–4 и 10-11 (психол.-пед. класс)",
    ),
    Teacher(
        key="peer_hockey",
        competencies=[
            "капитан школьной хоккейной команды",
            "президент совета старшеклассников",
            "помогаю младшим с математикой 5–7 кл.",
            "сам переехал в 7 классе — знаю, как адаптироваться",
        ],
        subject="",
        interests=["хоккей", "КВН"],
        group_name="11А",
        age=17,
        capacity=6,
        preferred_grades="5–8 кл.",
    ),
    Teacher(
        key="peer_oil",
        competencies=[
            "ученик нефтегазового класса",
            "олимпиадная информатика и математика (призёр региона)",
            "робототехника, дроны",
            "помощь по физике и информатике",
        ],
        subject="",
        interests=["программирование", "киберспорт"],
        group_name="11Н",
        age=17,
        capacity=6,
        preferred_grades="7-10",
    ),
    Teacher(
        key="peer_ped",
        competencies=[
            "ученица психолого-педагогического класса",
            "волонтёр, вожатая",
            "чтение с младшими, помощь с домашкой",
            "сама приехала из Дагестана в 5 классе, помогаю новеньким",
        ],
        subject="",
        interests=["рисование", "лезгинка"],
        group_name="11П",
        age=17,
        capacity=6,
        preferred_grades="нач. школа, 5-6",
    ),
]

HELD_OUT_DEC7C: list[Pupil] = [
    # --- mathematics ---
    # easy: ОГЭ maths, a grade in the text
    Pupil(
        requests=["подготовка к ОГЭ по математике"],
        areas=["математика"],
        request_text="Математика - 3, боюсь не сдать ОГЭ",
        group_name="9А",
        right=("matem_oge",),
    ),
    # easy
    Pupil(
        requests=["профильная математика ЕГЭ"], areas=["Математика"], group_name="11Н", right=("matem_ege",)
    ),
    # medium: fractions, no request line
    Pupil(
        requests=[],
        areas=["алгебра", "геометрия"],
        request_text="не понимаю дроби ещё с 5 класса, мама просит подтянуть",
        group_name="7Б",
        right=("matem_oge", "peer_hockey"),
    ),
    # easy
    Pupil(requests=["пробелы по математике"], group_name="6В", right=("matem_oge", "peer_hockey")),
    # hard: says maths is fine, needs Russian
    Pupil(
        requests=["ЕГЭ"],
        request_text="базу по матеше сдам сам, нужен русский — сочинение пишу на 5-6 баллов из 25",
        group_name="11Б",
        right=("rusist",),
    ),
    # medium
    Pupil(
        requests=[],
        areas=["геометрия"],
        request_text="Геометрия вообще никак, 2 за контрольную. Профиль сдавать хочу, в УГНТУ",
        group_name="10А",
        right=("matem_ege",),
    ),
    # medium: olympiad maths in the 8th grade
    Pupil(
        requests=["олимпиада по математике"],
        request_text="Задачи на смекалку нравятся, в прошлом году дошёл до муниципального этапа",
        group_name="8Г",
        right=("matem_ege", "peer_oil"),
    ),
    # easy
    Pupil(
        requests=["математика, подтянуть оценки"],
        areas=["математика"],
        group_name="5А",
        right=("matem_oge", "peer_hockey"),
    ),
    # medium: ЗПР, maths with a trained teacher
    Pupil(
        requests=["помощь по математике"],
        request_text="ЗПР, учится по АООП 7.1, таблицу умножения так и не выучил",
        group_name="6Г",
        special_needs=True,
        right=("matem_oge", "tyutor_ovz"),
    ),
    # hard: the father's trade is not the request
    Pupil(
        requests=[],
        request_text=(
            "Папа оператор по добыче, всё время на вахте, хочет чтобы я шёл в нефтегазовый класс. "
            "А для этого нужна профильная матеша, у меня 3. Надо до весны подтянуться"
        ),
        group_name="9Б",
        right=("matem_oge",),
    ),
    # easy
    Pupil(requests=["ЕГЭ профиль", "задачи с параметром"], group_name="11А", right=("matem_ege",)),
    # medium: basic maths for a college
    Pupil(
        requests=["ОГЭ"],
        areas=["математика"],
        request_text="мне только на тройку сдать и в техникум. геометрию вообще не понимаю",
        group_name="9Г",
        right=("matem_oge",),
    ),
    # --- physics, aviation ---
    # easy
    Pupil(requests=["физика ЕГЭ"], areas=["физика"], group_name="11Н", right=("fizik",)),
    # medium: pilot
    Pupil(
        requests=[],
        request_text="Хочу стать лётчиком, поступать в Ульяновский институт гражданской авиации. Что для этого надо кроме физики?",
        group_name="10Н",
        right=("fizik",),
    ),
    # medium
    Pupil(
        requests=["физика, не понимаю задачи"],
        group_name="8А",
        right=("fizik", "peer_oil"),
    ),
    # hard: physics named, but the wish is drones; grade 7 is below the physics teacher's range
    Pupil(
        requests=["подготовка к ОГЭ"],
        areas=["физика"],
        request_text="Физику только начали, пока всё нормально. Папа говорит готовиться к ОГЭ заранее, а я хочу на дроны",
        group_name="7Б",
        right=("informatik", "peer_oil"),
    ),
    # easy
    Pupil(
        requests=["ОГЭ по физике"],
        areas=["физика"],
        request_text="физика 3, выбрал её на ОГЭ, зря наверно",
        group_name="9В",
        right=("fizik",),
    ),
    # medium: military aviation
    Pupil(
        requests=["поступление в лётное училище", "ВВАУЛ"],
        request_text="в Краснодарское военное авиационное, нужно физо и физику",
        group_name="11А",
        right=("fizik", "istorik", "trener"),
    ),
    # --- chemistry, medicine ---
    # easy
    Pupil(
        requests=["химия ОГЭ"], areas=["химия"], request_text="Химия - 3", group_name="9Б", right=("himik",)
    ),
    # medium: medical college after the 9th
    Pupil(
        requests=["поступить в медколледж после 9"],
        request_text="хочу на медсестру в Ханты-Мансийский медколледж, там конкурс аттестатов, химия и биология слабые",
        group_name="9В",
        right=("himik", "biolog"),
    ),
    # easy
    Pupil(
        requests=["ЕГЭ химия и биология", "поступление в медицинский"],
        areas=["химия", "биология"],
        group_name="11А",
        right=("himik", "biolog"),
    ),
    # hard: mother's chemistry job is not the request
    Pupil(
        requests=[],
        request_text="Мама работает лаборантом в химлаборатории на промысле, но мне это не интересно. Мне бы с английским, хочу в айти за границу",
        group_name="10Н",
        right=("anglichanka", "informatik"),
    ),
    # medium: a doctor, from the parent's side
    Pupil(
        requests=["профориентация"],
        request_text="Дочь хочет быть врачом-педиатром. Химию не любит, боится. Посоветуйте кого-нибудь (мама)",
        group_name="8Б",
        right=("himik", "psiholog"),
    ),
    # easy
    Pupil(requests=["решение задач по химии"], areas=["Химия"], group_name="10А", right=("himik",)),
    # medium: experiments
    Pupil(
        requests=[],
        areas=["химия"],
        request_text="хочу делать опыты, а не только писать уравнения) в лаборатории можно?",
        group_name="8В",
        right=("himik",),
    ),
    # --- biology, taiga ecology ---
    # easy
    Pupil(
        requests=["олимпиада по биологии"],
        areas=["биология"],
        request_text="региональный этап ВсОШ в прошлом году, хочу на заключительный",
        group_name="9А",
        right=("biolog",),
    ),
    # medium
    Pupil(
        requests=[],
        areas=["экология"],
        request_text="Люблю ходить с дедом в тайгу, собирать гербарий, хочу проект про лишайники и оленей",
        group_name="7В",
        right=("biolog",),
    ),
    # medium
    Pupil(
        requests=["исследовательский проект"],
        request_text="про то как разливы нефти влияют на рыбу в реке",
        group_name="6Б",
        right=("biolog",),
    ),
    # easy
    Pupil(requests=["ОГЭ биология"], areas=["биология"], group_name="9Г", right=("biolog",)),
    # hard: a fifth-grader olympiad pupil (biology takes olympiad pupils from 5)
    Pupil(
        requests=["олимпиады"],
        request_text="в 5 классе, но уже прочитал весь учебник биологии за 6-7, на школьном этапе лучший результат",
        group_name="5Б",
        right=("biolog",),
    ),
    # easy: the expedition
    Pupil(
        requests=["летняя экспедиция", "полевая практика"],
        group_name="8А",
        right=("biolog",),
    ),
    # --- Russian ---
    # easy
    Pupil(
        requests=["русский язык ОГЭ", "изложение"], areas=["русский язык"], group_name="9Г", right=("rusist",)
    ),
    # easy
    Pupil(
        requests=["итоговое сочинение"],
        request_text="в декабре сочинение, а я даже аргументы из литературы не помню, не читала ничего",
        group_name="11Б",
        right=("rusist",),
    ),
    # hard: arrived from Dagestan
    Pupil(
        requests=[],
        request_text=(
            "Переехали в октябре из Махачкалы, папа устроился на вахту. По-русски говорю, "
            "но диктанты на 2, учительница говорит много ошибок"
        ),
        group_name="7А",
        right=("rusist", "psiholog"),
    ),
    # hard: Ukraine-born, changing schools
    Pupil(
        requests=["адаптация в новом классе"],
        areas=["русский язык"],
        request_text=(
            "Приехали из Белгорода, до этого жили в Харькове. Учились по украинской программе, "
            "по русскому пропуски, в классе пока друзей нет"
        ),
        group_name="5Б",
        right=("rusist", "peer_ped", "psiholog"),
    ),
    # easy
    Pupil(requests=["итоговое собеседование"], areas=["русский"], group_name="9В", right=("rusist",)),
    # medium: reading literature
    Pupil(
        requests=["литература"],
        request_text="не могу заставить себя читать, из списка на лето ничего не открыл",
        group_name="8Г",
        right=("rusist",),
    ),
    # medium: ЗПР, Russian
    Pupil(
        requests=["русский язык"],
        request_text="ЗПР, по русскому 2 в четверти, много ошибок на безударные",
        group_name="7Г",
        special_needs=True,
        right=("rusist", "tyutor_ovz"),
    ),
    # --- English, debates ---
    # easy
    Pupil(requests=["Model UN"], areas=["английский"], group_name="10А", right=("anglichanka",)),
    # easy
    Pupil(requests=["ЕГЭ английский"], areas=["английский язык"], group_name="11П", right=("anglichanka",)),
    # easy
    Pupil(
        requests=["дебаты", "публичные выступления"],
        request_text="хочу научиться спорить аргументированно а не орать)",
        group_name="8Б",
        right=("anglichanka",),
    ),
    # medium: a fifth-grader, no debates
    Pupil(
        requests=["английский"],
        request_text="По английскому 2, учительница сказала нужен наставник. Дебаты не надо, просто чтобы читать научиться",
        group_name="5В",
        right=("anglichanka",),
    ),
    # easy
    Pupil(
        requests=["разговорный английский"],
        request_text="Пишу нормально, а говорить стесняюсь, на уроке молчу",
        group_name="9Б",
        right=("anglichanka",),
    ),
    # hard: the shy speaker who must speak at the conference
    Pupil(
        requests=[],
        request_text="на НПК надо выступать перед залом, у меня трясутся руки и голос. Тема по экологии уже готова",
        group_name="10П",
        right=("anglichanka", "psiholog"),
    ),
    # --- history, social studies, the military ---
    # easy
    Pupil(requests=["ОГЭ обществознание"], areas=["обществознание"], group_name="9Б", right=("istorik",)),
    # medium: slang for social studies
    Pupil(
        requests=["поступление в военное училище"],
        request_text="Хочу в военку, в Тюменское ВВИКУ, надо физо подтянуть и общагу сдать",
        group_name="10А",
        right=("istorik", "trener"),
    ),
    # medium
    Pupil(
        requests=["история"],
        request_text="Прадед воевал, хочу написать про него для Бессмертного полка и попасть в поисковый отряд. Оценки по истории норм",
        group_name="8В",
        right=("istorik",),
    ),
    # easy
    Pupil(requests=["ЕГЭ история"], areas=["история"], group_name="11Б", right=("istorik",)),
    # easy
    Pupil(
        requests=["Юнармия"],
        group_name="6А",
        request_text="записаться в юнармейцы, хочет форму и на парад 9 мая",
        right=("istorik",),
    ),
    # hard: at-risk boy who wants the army
    Pupil(
        requests=[],
        request_text=(
            "Стоит на учёте в ПДН за драку. Учёба не интересует, говорит после 9 класса пойдёт в армию, "
            "а потом по контракту. Уважает только военных и тренеров"
        ),
        group_name="9Г",
        at_risk=True,
        right=("istorik", "trener", "socped"),
    ),
    # easy: local history
    Pupil(
        requests=["краеведение"],
        areas=["история"],
        request_text="проект про историю нашего города, как его строили в 70-е нефтяники",
        group_name="7А",
        right=("istorik",),
    ),
    # --- informatics, robotics, drones ---
    # easy
    Pupil(requests=["робототехника"], group_name="6А", right=("informatik",)),
    # easy
    Pupil(requests=["ЕГЭ информатика"], areas=["информатика"], group_name="11Н", right=("informatik",)),
    # medium
    Pupil(
        requests=["дроны", "соревнования"],
        request_text="хожу на квадрокоптеры, хочу на соревнования по FPV",
        group_name="9А",
        right=("informatik", "peer_oil"),
    ),
    # medium
    Pupil(
        requests=[],
        areas=["программирование"],
        request_text="учу питон сам по ютубу, хочу стать программистом но не знаю с чего нормально начать",
        group_name="8Б",
        right=("informatik", "peer_oil"),
    ),
    # hard: a fourth-grader (the drone club takes from the 4th)
    Pupil(
        requests=["беспилотники"],
        request_text="Сын мечтает запускать дроны, для 4 класса кружок есть?",
        group_name="4Б",
        right=("informatik",),
    ),
    # easy
    Pupil(
        requests=["ОГЭ по информатике"],
        areas=["информатика"],
        group_name="9В",
        right=("informatik", "peer_oil"),
    ),
    # medium: a game developer
    Pupil(
        requests=["хочу делать игры"],
        request_text="Играю много, хочу сам сделать игру на юнити",
        group_name="7Г",
        right=("informatik", "peer_oil"),
    ),
    # hard: games as a problem, not a wish
    Pupil(
        requests=[],
        request_text=(
            "Играет ночами в телефон, на уроках спит, оценки упали. Мама на вахте в Новом Уренгое, "
            "с ним бабушка, она не справляется (кл. рук.)"
        ),
        group_name="8А",
        at_risk=True,
        right=("psiholog", "socped"),
    ),
    # --- the internat, the native language ---
    # easy
    Pupil(requests=["хантыйский язык"], areas=["родной язык"], group_name="5А", right=("hanty_internat",)),
    # medium
    Pupil(
        requests=["адаптация в интернате"],
        request_text="Приехал из стойбища в сентябре, скучает по родителям, плачет по вечерам",
        group_name="5Б",
        right=("hanty_internat", "psiholog"),
    ),
    # hard: runs away from the internat
    Pupil(
        requests=["самовольные уходы"],
        request_text="два раза уходил из интерната к родственникам в посёлок, на КДН пока не ставили",
        group_name="7Г",
        at_risk=True,
        right=("hanty_internat", "socped", "psiholog"),
    ),
    # medium: Mansi first-grader reading slowly
    Pupil(
        requests=["чтение"],
        request_text="манси, дома говорят на мансийском, по-русски читает медленно",
        group_name="3В",
        right=("logoped", "hanty_internat"),
    ),
    # medium: Nenets, the language at home
    Pupil(
        requests=["родной язык", "культура"],
        request_text="ненка, хочет не забыть свой язык и песни, родители в тундре до весны",
        group_name="6В",
        right=("hanty_internat", "remeslo"),
    ),
    # hard: the internat boy wants hockey; the internat educator is also right
    Pupil(
        requests=["хоккей"],
        request_text="живу в интернате, в стойбище катались на озере, хочу в команду но нет коньков",
        group_name="6Б",
        right=("trener", "peer_hockey", "hanty_internat"),
    ),
    # medium
    Pupil(
        requests=[],
        request_text="Воспитанница интерната, родители ловят рыбу на Оби, просит помочь с домашними заданиями по вечерам",
        group_name="2А",
        right=("hanty_internat", "peer_ped"),
    ),
    # --- the psychologist ---
    # easy
    Pupil(requests=["тревога перед экзаменами"], group_name="9В", right=("psiholog",)),
    # medium: the polar night
    Pupil(
        requests=[],
        request_text="Зимой вообще нет сил, сплю до обеда по выходным, ничего не хочется. Полярка достала",
        group_name="10А",
        right=("psiholog",),
    ),
    # easy
    Pupil(requests=["конфликт с одноклассниками"], group_name="6А", right=("psiholog", "socped")),
    # hard: the family's oil jobs are the pressure, not the request
    Pupil(
        requests=["выбор профессии"],
        request_text="Папа нефтяник, дядя нефтяник, все говорят иди в нефтянку. А я не хочу, я не знаю что хочу",
        group_name="11А",
        right=("psiholog",),
    ),
    # easy
    Pupil(requests=["самооценка"], group_name="8Г", right=("psiholog",)),
    # medium: bullying of a new girl
    Pupil(
        requests=[],
        request_text="Дразнят из-за акцента, в чате класса пишут гадости. Мы из Уфы, переехали в ноябре",
        group_name="7В",
        right=("psiholog", "socped"),
    ),
    # hard: refuses the psychologist
    Pupil(
        requests=["не к психологу"],
        request_text=(
            "К психологу не пойду, я не псих. Просто после того как родители развелись стало хреново, "
            "хочу хоть с кем то нормальным поговорить. Лыжи раньше любил"
        ),
        group_name="9А",
        right=("trener", "socped"),
    ),
    # easy: sleep
    Pupil(
        requests=["режим сна"],
        request_text="засыпаю в 3 ночи, утром темно, не могу встать в школу",
        group_name="8В",
        right=("psiholog",),
    ),
    # easy: career diagnostics
    Pupil(requests=["профориентационное тестирование"], group_name="9Б", right=("psiholog",)),
    # --- the social pedagogue ---
    # easy
    Pupil(requests=["КДН, профилактика"], group_name="8Г", at_risk=True, right=("socped", "psiholog")),
    # hard: gambling, asks to hide from the mother
    Pupil(
        requests=[],
        request_text="В телефоне ставки, проиграл деньги с маминой карты. Маме не говорите пожалуйста",
        group_name="9Г",
        at_risk=True,
        right=("socped", "psiholog"),
    ),
    # hard: an alcoholic father, the request says "study help"
    Pupil(
        requests=["помощь в учёбе"],
        request_text="отец пьёт, мать на вахте по месяцу, ребёнок часто приходит без завтрака, уроки не делает",
        group_name="7В",
        at_risk=True,
        right=("socped", "psiholog"),
    ),
    # medium: truancy
    Pupil(
        requests=["пропуски уроков"],
        request_text="за ноябрь 46 пропусков без уважительной, говорит что проспал",
        group_name="10А",
        at_risk=True,
        right=("socped", "psiholog"),
    ),
    # easy: casino-like games
    Pupil(
        requests=["зависимость от онлайн-игр", "азартные игры"],
        group_name="11Б",
        at_risk=True,
        right=("socped", "psiholog"),
    ),
    # hard: vaping, everything else fine, refuses help
    Pupil(
        requests=[],
        request_text="поймали с вейпом в туалете, составили протокол. Учится хорошо, сам говорит что помощь ему не нужна",
        group_name="8Б",
        at_risk=True,
        right=("socped", "trener"),
    ),
    # --- the logoped ---
    # easy
    Pupil(
        requests=["звукопроизношение"],
        request_text="не выговаривает Р и Ш",
        group_name="1Б",
        right=("logoped",),
    ),
    # medium
    Pupil(
        requests=["дисграфия"],
        areas=["русский язык"],
        request_text="ЗПР, пропускает буквы, пишет некоторые буквы зеркально",
        group_name="3А",
        special_needs=True,
        right=("logoped", "tyutor_ovz"),
    ),
    # medium: a bilingual first-grader
    Pupil(
        requests=["развитие речи"],
        request_text="в семье говорят на аварском, ребёнок путает окончания",
        group_name="1А",
        right=("logoped",),
    ),
    # easy
    Pupil(requests=["логопед"], group_name="2Б", right=("logoped",)),
    # hard: reading speed, not speech; a second-grader from the internat
    Pupil(
        requests=["техника чтения"],
        request_text="читает 20 слов в минуту, норма 50. Живёт в интернате, дома по-хантыйски",
        group_name="2В",
        right=("logoped", "hanty_internat"),
    ),
    # --- the tutor for ОВЗ ---
    # easy
    Pupil(
        requests=["сопровождение ребёнка с ОВЗ"],
        request_text="ЗПР, АООП 7.2",
        group_name="2В",
        special_needs=True,
        right=("tyutor_ovz", "logoped"),
    ),
    # medium: hearing impairment
    Pupil(
        requests=["помощь с уроками"],
        request_text="слабослышащий, носит слуховой аппарат, на уроках многое пропускает",
        group_name="6Г",
        special_needs=True,
        right=("tyutor_ovz",),
    ),
    # hard: diabetes; the request is chemistry
    Pupil(
        requests=["химия"],
        areas=["химия"],
        request_text="диабет 1 типа, помпа. Химия нравится, хочу подтянуть, но про здоровье пусть знают",
        group_name="8А",
        special_needs=True,
        right=("himik", "tyutor_ovz"),
    ),
    # medium: ADHD
    Pupil(
        requests=["усидчивость"],
        request_text="СДВГ, не может досидеть урок, отвлекается, выкрикивает",
        group_name="4А",
        special_needs=True,
        right=("tyutor_ovz", "psiholog"),
    ),
    # medium: diabetes, little one
    Pupil(
        requests=[],
        request_text="Сахарный диабет, на переменах надо мерить сахар, сам стесняется. Первый класс",
        group_name="1В",
        special_needs=True,
        right=("tyutor_ovz",),
    ),
    # hard: ОВЗ flag with a hobby request, crafts teacher is trained
    Pupil(
        requests=["бисер"],
        request_text="ЗПР, плохо пишет, но руками делает очень аккуратно, любит плести",
        group_name="5Г",
        special_needs=True,
        right=("remeslo", "tyutor_ovz"),
    ),
    # --- sport ---
    # easy
    Pupil(requests=["хоккей"], group_name="7А", right=("trener", "peer_hockey")),
    # easy
    Pupil(requests=["лыжные гонки"], areas=["физкультура"], group_name="9Б", right=("trener",)),
    # medium: at-risk boy, sport as a way in
    Pupil(
        requests=["спорт"],
        request_text="курит, прогулы, на учёте в ПДН; сказал что пошёл бы на хоккей если возьмут",
        group_name="8В",
        at_risk=True,
        right=("trener", "socped"),
    ),
    # easy
    Pupil(
        requests=["ГТО", "нормативы"],
        request_text="на золотой значок, для баллов в вуз",
        group_name="11Н",
        right=("trener",),
    ),
    # medium: a girl, skiing
    Pupil(
        requests=[],
        request_text="Хочу на районные соревнования по лыжам, на физре я первая, но техники нет",
        group_name="6Г",
        right=("trener",),
    ),
    # hard: "sport" means the medical committee for a flight school
    Pupil(
        requests=["физическая подготовка"],
        request_text="в лётное не возьмут если не подтянусь 10 раз и не пробегу 3 км. Физику сдаю сам",
        group_name="10Н",
        right=("trener", "fizik"),
    ),
    # --- music ---
    # easy
    Pupil(requests=["гитара"], group_name="8А", right=("muzyka",)),
    # medium: stage fright
    Pupil(
        requests=["страх сцены"],
        areas=["музыка"],
        request_text="на отчётном концерте в музыкалке забыла пьесу, теперь не хочу выступать",
        group_name="6Б",
        right=("muzyka", "psiholog"),
    ),
    # easy
    Pupil(
        requests=["вокал"],
        request_text="хочу поступить в колледж искусств на эстрадный вокал",
        group_name="11П",
        right=("muzyka",),
    ),
    # easy
    Pupil(requests=["хор", "пение"], group_name="3Б", right=("muzyka",)),
    # hard: the pupil wants to quit the music school, parents don't
    Pupil(
        requests=[],
        request_text=(
            "7 лет в музыкальной школе по фортепиано, родители хотят чтобы закончила. "
            "Я устала и хочу бросить, но боюсь им сказать"
        ),
        group_name="8Б",
        right=("psiholog", "muzyka"),
    ),
    # medium: a band
    Pupil(
        requests=["создать группу", "репетиции"],
        request_text="с пацанами хотим рок группу, где можно репетировать и кто научит на барабанах",
        group_name="9А",
        right=("muzyka",),
    ),
    # --- national crafts ---
    # easy
    Pupil(requests=["бисероплетение"], group_name="5В", right=("remeslo",)),
    # easy
    Pupil(
        requests=["резьба по кости"],
        request_text="дед резал по кости, хочу научиться и на конкурс «Югра мастеровая»",
        group_name="9А",
        right=("remeslo", "hanty_internat"),
    ),
    # easy
    Pupil(
        requests=["ДПИ", "выставка"],
        request_text="шьёт сумочки из бисера с орнаментом, хочет на выставку в окружной музей",
        group_name="7Б",
        right=("remeslo",),
    ),
    # hard: a second-grader (crafts from the 3rd)
    Pupil(
        requests=["рукоделие"],
        request_text="девочка любит бисер, но ей 8 лет, второй класс. Может есть кто-то для малышей?",
        group_name="2Б",
        right=("molodoy_pedagog", "peer_ped"),
    ),
    # --- oil and gas ---
    # easy
    Pupil(
        requests=["нефтегазовое дело"],
        request_text="узнать про работу на месторождении",
        group_name="10Н",
        right=("inzhener",),
    ),
    # easy: the oil technical college
    Pupil(
        requests=["поступить в нефтяной техникум после 9 класса"],
        request_text="не хочу в 10 класс, хочу в техникум в Нижневартовск на бурение",
        group_name="9Г",
        right=("inzhener",),
    ),
    # medium: the project for the conference
    Pupil(
        requests=[],
        request_text="Проект на НПК от нефтегазового класса — тема «Цифровое месторождение», нужен куратор от предприятия",
        group_name="11Н",
        right=("inzhener", "informatik"),
    ),
    # easy
    Pupil(requests=["целевое обучение", "Роснефть"], group_name="11Н", right=("inzhener",)),
    # easy
    Pupil(
        requests=["экскурсия на промысел", "кем работать в нефтянке"],
        group_name="8Г",
        right=("inzhener",),
    ),
    # hard: wants the oil class but the gap is maths and physics
    Pupil(
        requests=["нефтегазовый класс"],
        request_text="хочу в 10Н, а туда отбор по математике и физике, у меня по обоим 3",
        group_name="9В",
        right=("matem_oge", "fizik", "inzhener"),
    ),
    # hard: the father is an engineer, the pupil wants medicine
    Pupil(
        requests=[],
        areas=["биология"],
        request_text="Отец инженер на ДНС, зовёт на экскурсию на промысел. Но я хочу быть хирургом",
        group_name="10А",
        right=("biolog", "himik"),
    ),
    # --- teaching careers, the young teacher ---
    # easy
    Pupil(requests=["хочу стать учителем"], group_name="10П", right=("molodoy_pedagog", "psiholog")),
    # easy
    Pupil(
        requests=["вожатство"],
        request_text="летом хочу вожатой в лагерь, нужна практика с малышами",
        group_name="11П",
        right=("molodoy_pedagog",),
    ),
    # medium: a new pupil in the 2nd grade
    Pupil(
        requests=["адаптация"],
        request_text="пришёл во 2 класс в ноябре из Уфы, стесняется, не отвечает у доски",
        group_name="2А",
        right=("molodoy_pedagog", "peer_ped", "psiholog"),
    ),
    # easy: first-grader adaptation
    Pupil(requests=["адаптация первоклассника"], group_name="1Г", right=("molodoy_pedagog", "psiholog")),
    # medium: pedagogical university
    Pupil(
        requests=["поступление в пед"],
        request_text="хочу на учителя начальных классов, подскажите куда и что сдавать",
        group_name="11П",
        right=("molodoy_pedagog",),
    ),
    # hard: a psych-ped pupil who wants psychology itself
    Pupil(
        requests=[],
        request_text="я в психолого-педагогическом, но учителем быть не хочу. Хочу именно психологом, посмотреть как это в школе",
        group_name="10П",
        right=("psiholog",),
    ),
    # easy: volunteering
    Pupil(requests=["волонтёрство"], group_name="10П", right=("molodoy_pedagog", "psiholog")),
    # --- peer mentors ---
    # easy
    Pupil(
        requests=["хоккей", "друзья"],
        request_text="новенький, мальчикам не с кем общаться",
        group_name="6В",
        right=("peer_hockey", "trener"),
    ),
    # easy
    Pupil(requests=["помощь по информатике"], group_name="8Б", right=("peer_oil", "informatik")),
    # medium: both parents on shifts
    Pupil(
        requests=["чтение с ребёнком"],
        request_text="мама на вахте, папа на вахте, сидит с бабушкой, почитать бы кто с ним",
        group_name="1А",
        right=("peer_ped", "molodoy_pedagog"),
    ),
    # medium: a Dagestani fifth-grader
    Pupil(
        requests=["новенькая"],
        request_text="приехали из Дербента, тут холодно и темно, все чужие",
        group_name="5А",
        right=("peer_ped", "psiholog"),
    ),
    # hard: wants an older pupil, not a teacher
    Pupil(
        requests=[],
        request_text="учителя и так всё время достают. Лучше бы старшеклассник объяснил по физике, нормальным языком",
        group_name="8Г",
        right=("peer_oil", "fizik"),
    ),
    # easy: KVN and the council
    Pupil(
        requests=["КВН", "школьный совет"],
        group_name="7Б",
        right=("peer_hockey",),
    ),
    # hard: homework in the 3rd grade by an older pupil
    Pupil(
        requests=["помощь с домашкой"],
        request_text="Мама работает в две смены, проверить уроки некому. 3 класс",
        group_name="3Г",
        right=("peer_ped", "molodoy_pedagog"),
    ),
    # --- mixed and harder cases ---
    # hard: several wishes, the first one decides
    Pupil(
        requests=["профильная математика", "английский", "спорт"],
        request_text="главное математика, остальное так, если время будет",
        group_name="10Н",
        right=("matem_ege",),
    ),
    # easy: olympiad physics
    Pupil(
        requests=["олимпиадная физика"],
        request_text="хочу на региональный этап по физике, решаю задачи из Савченко",
        group_name="10А",
        right=("fizik",),
    ),
    # hard: a "pilot" who means drones, grade 6
    Pupil(
        requests=["пилотирование"],
        request_text="хочу научиться управлять квадриком, у нас в кружке есть симулятор",
        group_name="6Г",
        right=("informatik",),
    ),
    # medium: the hearing-impaired boy and English
    Pupil(
        requests=["английский язык"],
        request_text="нарушение слуха (II степень), аудирование на ОГЭ для него проблема",
        group_name="9Б",
        special_needs=True,
        right=("tyutor_ovz", "psiholog"),
    ),
    # hard: ADHD boy in robotics (the robotics teacher is not trained; the tutor is)
    Pupil(
        requests=["робототехника"],
        request_text="СДВГ, в кружке робототехники быстро теряет интерес, но конструировать любит",
        group_name="5Б",
        special_needs=True,
        right=("tyutor_ovz", "remeslo"),
    ),
    # medium: ЗПР, adaptation in the 5th
    Pupil(
        requests=["переход в 5 класс"],
        request_text="ЗПР, много новых учителей, путается в расписании и кабинетах",
        group_name="5В",
        special_needs=True,
        right=("tyutor_ovz", "psiholog"),
    ),
    # hard: the diabetic girl who wants medical college after the 9th
    Pupil(
        requests=["медколледж"],
        areas=["биология", "химия"],
        request_text="СД 1 типа с 6 лет, хочу стать медсестрой-диабетологом, поступать после 9",
        group_name="9А",
        special_needs=True,
        right=("himik", "tyutor_ovz"),
    ),
    # medium: at-risk and Russian, the Russian teacher is not at-risk trained
    Pupil(
        requests=["ОГЭ русский"],
        request_text="на профучёте в школе, мать лишена прав, живёт у тёти. Боится не получить аттестат",
        group_name="9Г",
        at_risk=True,
        right=("socped", "psiholog"),
    ),
    # easy
    Pupil(requests=["курсы по Python"], areas=["информатика"], group_name="10Н", right=("informatik",)),
    # medium: a taiga ecology olympiad pupil from the internat
    Pupil(
        requests=["олимпиада по экологии"],
        request_text="из интерната, хорошо знает тайгу и рыбу, учительница говорит что у него талант",
        group_name="8В",
        right=("biolog", "hanty_internat"),
    ),
    # hard: the request field is a parent's shift schedule
    Pupil(
        requests=[],
        request_text="Отец на вахте 60/30 в Ямбурге, мать в Сургуте на учёбе. Ребёнку скучно, ничем не занят после уроков, хотим кружок где руками",
        group_name="4В",
        right=("remeslo", "informatik"),
    ),
    # medium: Bashkir family, native language at home
    Pupil(
        requests=["адаптация", "русский язык"],
        request_text="из Бирска, дома по-башкирски. Диктанты слабо",
        group_name="6А",
        right=("rusist", "peer_ped"),
    ),
    # hard: a Ukraine-born girl, low mood, not a subject
    Pupil(
        requests=[],
        request_text="Раньше жили в Мариуполе. Учится хорошо, но почти ни с кем не разговаривает, рисует в тетради",
        group_name="8А",
        right=("psiholog",),
    ),
    # easy
    Pupil(requests=["ЕГЭ физика", "профиль математика"], group_name="11Н", right=("fizik", "matem_ege")),
    # easy: Model UN, English B1
    Pupil(
        requests=["модель ООН"],
        request_text="хочу попробовать на окружной MUN, английский B1",
        group_name="9В",
        right=("anglichanka",),
    ),
    # hard: the teacher's note lists what is not needed
    Pupil(
        requests=["наставник"],
        request_text="По предметам всё хорошо, олимпиады не интересны. Нужен кто-то, кто поможет выбрать между нефтяным и медицинским",
        group_name="10А",
        right=("psiholog", "inzhener"),
    ),
    # medium: a programmer after the 9th
    Pupil(
        requests=["колледж после 9", "программирование"],
        request_text="на программиста в колледж в Тюмени",
        group_name="9Б",
        right=("informatik",),
    ),
    # easy
    Pupil(requests=["биология ЕГЭ"], areas=["Биология"], group_name="11П", right=("biolog",)),
    # easy: history olympiad
    Pupil(requests=["олимпиада по истории"], areas=["история"], group_name="10П", right=("istorik",)),
    # hard: at-risk girl, ran away from home, likes beadwork
    Pupil(
        requests=["бисероплетение"],
        request_text="уходила из дома на двое суток, сейчас на учёте в КДН. Единственное что нравится — плести из бисера",
        group_name="7А",
        at_risk=True,
        right=("socped", "psiholog"),
    ),
    # medium: Model UN from a 7th-grader (MUN from the 8th)
    Pupil(
        requests=["дебаты"],
        request_text="в 7 классе, хочу в дебатный клуб, говорят берут с 8-го",
        group_name="7В",
        right=("anglichanka", "istorik"),
    ),
    # easy
    Pupil(requests=["подготовка к ВсОШ по математике"], group_name="9А", right=("matem_ege",)),
    # easy: the drone club in the oil class
    Pupil(
        requests=["БПЛА", "операторы дронов"],
        request_text="на промыслах дроны для мониторинга трубопроводов, хочу в эту сторону",
        group_name="10Н",
        right=("informatik", "inzhener"),
    ),
    # hard: speech therapy asked for a ninth-grader (the logoped takes primary only)
    Pupil(
        requests=["логопед"],
        request_text="заикается, особенно у доски, на собеседовании по русскому боится",
        group_name="9В",
        special_needs=True,
        right=("psiholog", "rusist"),
    ),
    # easy: the hockey captain for a 5th-grader
    Pupil(
        requests=["хоккей", "наставник из старших"],
        group_name="5Б",
        right=("peer_hockey", "trener"),
    ),
    # hard: informatics, but the gap is maths
    Pupil(
        requests=["информатика ОГЭ"],
        request_text="задачи на питоне понимаю, а 2 по информатике за системы счисления и логику, математика вообще 2",
        group_name="9Г",
        right=("informatik", "matem_oge"),
    ),
    # easy: carving for a boy in the 8th
    Pupil(requests=["резьба по дереву"], group_name="8Б", right=("remeslo",)),
    # hard: drones for an at-risk boy
    Pupil(
        requests=["дроны"],
        request_text="на учёте в КДН за кражу, но в кружок дронов ходит с удовольствием, руководитель его хвалит",
        group_name="8Г",
        at_risk=True,
        right=("socped", "psiholog"),
    ),
    # medium: the young teacher for a 4th-grader behind in maths
    Pupil(
        requests=["математика"],
        request_text="4 класс, плохо решает задачи, в 5 класс переходить страшно",
        group_name="4Г",
        right=("molodoy_pedagog", "peer_ped"),
    ),
    # easy
    Pupil(requests=["итоговое сочинение", "ЕГЭ русский"], group_name="11Н", right=("rusist",)),
    # medium: the mid-year arrival in the oil class
    Pupil(
        requests=["догнать программу"],
        areas=["физика", "математика"],
        request_text="перевёлся в 10Н в декабре из Оренбурга, по физике отстаю на две темы",
        group_name="10Н",
        right=("fizik", "matem_ege", "peer_oil"),
    ),
    # hard: the runaway from the internat who is 11 and loves reindeer
    Pupil(
        requests=[],
        request_text="Рвётся домой в тундру к оленям, на прошлой неделе пытался уехать на попутке. 5 класс, ненец",
        group_name="5Г",
        at_risk=True,
        right=("hanty_internat", "psiholog"),
    ),
    # medium: winter energy in the 4th grade
    Pupil(
        requests=["нет сил", "плохое настроение"],
        request_text="с ноября плачет по утрам, не хочет идти в школу (в темноте)",
        group_name="4Б",
        right=("psiholog",),
    ),
    # easy
    Pupil(requests=["хантыйский", "фольклор"], group_name="3А", right=("hanty_internat",)),
    # medium: a future teacher of English
    Pupil(
        requests=["учитель английского"],
        request_text="хочу преподавать английский, посмотреть как ведутся уроки и дебаты",
        group_name="11П",
        right=("anglichanka", "molodoy_pedagog"),
    ),
    # hard: alcohol in the family, the pupil asks only about music
    Pupil(
        requests=["музыка"],
        request_text="Дома пьют, поэтому хочу подольше быть в школе. Могу на гитаре, если кто научит больше",
        group_name="9А",
        at_risk=True,
        right=("socped", "psiholog"),
    ),
]
