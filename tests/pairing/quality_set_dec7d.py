"""A blind labelled set for the quality of matching, ``held_out_dec7d``: written on 6 December 2026 by a
writer who had read neither the engine's vocabulary nor its meaning and matching code, nor any other
labelled set's pupils, nor the bench's output or misses.

The school: a very large city school-complex (школа-комплекс) of about 4,000 pupils in a million-plus
city, in several buildings (корпус А — primary, корпус Б and В — middle and senior). From grade 8 there
are pre-profile classes and in 10–11 profile classes: medical («М», with a university clinic), engineering
(«Т», with the polytechnic), IT («И», with a tech company), pedagogical («П») and entrepreneurship and
finance («Э»), alongside ordinary classes («А»…«Д»). Parents are demanding (tutors, olympiads, «ЕГЭ на
100»); pupils are overloaded: burnout, eating disorders, social media and cyberbullying, gaming, vaping.
There are twins and siblings, pupils who moved in from other schools after conflicts, pupils with ОВЗ
(dyslexia, РАС, cerebral palsy using a wheelchair, type 1 diabetes, hearing aids) and gifted primary
pupils. The school has a theatre and a film studio, a choir, a volunteers' centre, an esports team,
chess, a robotics lab, a debate club, a school museum of the city, basketball, swimming and fencing, and
a school business incubator.

Mentors are written as the school fills its mentors' spreadsheet: free phrases, abbreviations, grade
ranges in varied notations. Three external mentors come from the partners (the polytechnic, the tech
company, an alumnus who founded a startup); three senior pupils are peer mentors. A pupil's ``right``
mentors are those the school psychologist would accept, her first choice first, taking the grade, the
mentor's preferred grades and ОВЗ / at-risk training into account. Comments mark each pupil easy, medium
or hard as the writer judged it.
"""

from .quality_set import Pupil, Teacher

DEC7D_MENTORS: list[Teacher] = [
    Teacher(
        key="med_vrach",
        competencies=[
            "куратор медкласса, врач-педиатр (15 лет стажа в ДГКБ)",
            "биология и основы медицины",
            "первая помощь, СЛР (кружок первой помощи)",
            "профориентация в медицину, практика в клинике университета",
            "ЕГЭ биология/химия для медвуза",
            "дети с СД 1 типа, хронические заболевания",
        ],
        subject="Биология (медкласс)",
        interests=["медицина катастроф", "бег"],
        age=49,
        capacity=10,
        special_needs_trained=True,
        preferred_grades="8-11 (медкл. в приоритете), кружок ПП — с 7 кл.",
    ),
    Teacher(
        key="himik",
        competencies=[
            "химия 8–11",
            "ОГЭ и ЕГЭ по химии",
            "органика, задачи",
            "олимпиады по химии (регион)",
        ],
        subject="Химия",
        interests=["фотография"],
        age=41,
        capacity=8,
        preferred_grades="8–11 кл.",
    ),
    Teacher(
        key="fizik",
        competencies=[
            "физика, инженерный профиль",
            "ЕГЭ физика",
            "олимпиада «Звезда», Росатом",
            "механика, электричество — разбор задач",
        ],
        subject="Физика",
        interests=["радиолюбительство", "туризм"],
        age=56,
        capacity=8,
        preferred_grades="7-11",
    ),
    Teacher(
        key="matematik",
        competencies=[
            "математика, ЕГЭ профиль",
            "олимп. математика с 5 кл.",
            "ОГЭ по математике",
            "руковожу шахматным клубом (разряды, турниры)",
        ],
        subject="Математика",
        interests=["шахматы", "логические игры"],
        age=45,
        capacity=10,
        preferred_grades="5–11; шахматы — с 1 кл.",
    ),
    Teacher(
        key="rus_lit",
        competencies=[
            "русский язык и литература",
            "итоговое сочинение, ЕГЭ/ОГЭ русский",
            "итоговое собеседование 9 кл.",
            "конкурсы чтецов",
            "работала в инклюзивном классе (дислексия, дисграфия)",
        ],
        subject="Русский язык, литература",
        interests=["поэзия Серебряного века", "книжный клуб"],
        age=52,
        capacity=10,
        special_needs_trained=True,
        preferred_grades="5-11 кл",
    ),
    Teacher(
        key="inzhener_politeh",
        competencies=[
            "инженер-конструктор, доцент Политеха (внешний наставник)",
            "инженерные проекты, НТО, «Большие вызовы»",
            "САПР, 3D-моделирование, черчение",
            "поступление в технический вуз",
            "соревнования по робототехнике (судья)",
        ],
        subject="Инженерное дело",
        interests=["авиамоделирование", "станки ЧПУ"],
        age=44,
        capacity=8,
        preferred_grades="9–11 инж. классы",
    ),
    Teacher(
        key="razrab_it",
        competencies=[
            "backend-разработчик (Python, Go) в компании-партнёре",
            "веб, мобильная разработка",
            "хакатоны, командные проекты, git",
            "профориентация в IT, стажировки",
        ],
        subject="",
        interests=["геймдев", "open source", "настолки"],
        age=29,
        capacity=8,
        preferred_grades="8-11",
    ),
    Teacher(
        key="startaper",
        competencies=[
            "выпускник школы 2012 г., основатель стартапа (edtech)",
            "бизнес-инкубатор школы: идея, MVP, питч",
            "предпринимательство, самозанятость/ИП",
            "финансовая грамотность, инвестиции",
        ],
        subject="",
        interests=["венчур", "сёрфинг"],
        age=31,
        capacity=7,
        preferred_grades="9–11",
    ),
    Teacher(
        key="psiholog",
        competencies=[
            "педагог-психолог",
            "тревожность, экзаменационный стресс, выгорание",
            "адаптация (1, 5, 10 кл., новенькие)",
            "конфликты, буллинг и кибербуллинг",
            "самооценка, РПП — первичная работа и маршрутизация",
            "профориентационная диагностика",
        ],
        subject="Психология",
        interests=["арт-терапия"],
        age=38,
        capacity=12,
        special_needs_trained=True,
        at_risk_experience=True,
    ),
    Teacher(
        key="socped",
        competencies=[
            "социальный педагог",
            "группа риска, ПДН, КДН",
            "пропуски, поведение, курение/вейпы",
            "семьи в трудной ситуации, опека",
            "переведённые из других школ",
        ],
        subject="",
        interests=["походы", "рыбалка"],
        age=47,
        capacity=10,
        at_risk_experience=True,
        preferred_grades="5–11",
    ),
    Teacher(
        key="tyutor_inkl",
        competencies=[
            "тьютор инклюзивного образования",
            "ОВЗ, АООП, индивидуальный маршрут",
            "РАС, ДЦП (колясочники), слабослышащие",
            "сопровождение на уроках и переменах, доступная среда",
        ],
        subject="",
        interests=["жестовый язык", "настольные игры"],
        age=34,
        capacity=9,
        special_needs_trained=True,
    ),
    Teacher(
        key="logoped",
        competencies=[
            "учитель-логопед",
            "дислексия, дисграфия",
            "звукопроизношение, постановка звуков",
            "развитие речи, чтение",
            "консультации для педкласса (дефектология)",
        ],
        subject="Логопедия",
        interests=["сказкотерапия"],
        age=50,
        capacity=8,
        special_needs_trained=True,
        preferred_grades="1-4, по показаниям до 6 кл.; педкласс",
    ),
    Teacher(
        key="rezhisser",
        competencies=[
            "режиссёр школьного театра",
            "киностудия: сценарий, съёмка, монтаж",
            "сценическая речь, публичные выступления",
            "уверенность в себе через сцену",
        ],
        subject="Театр и кино (доп. образование)",
        interests=["авторское кино", "импровизация"],
        age=40,
        capacity=10,
        preferred_grades="3–11",
    ),
    Teacher(
        key="trener",
        competencies=[
            "тренер: баскетбол (сборная школы), плавание",
            "фехтование — секция в корпусе В",
            "ОФП, ГТО",
            "трудные подростки через спорт",
        ],
        subject="Физическая культура",
        interests=["баскетбол", "рыбалка"],
        age=36,
        capacity=10,
        at_risk_experience=True,
        preferred_grades="с 4 по 11",
    ),
    Teacher(
        key="volontery",
        competencies=[
            "руководитель волонтёрского центра",
            "добровольчество, соц. проекты, Движение Первых",
            "экоакции, помощь приютам, акции для ветеранов",
            "вовлечение подростков группы риска в добровольчество",
        ],
        subject="",
        interests=["экология", "кинология"],
        age=33,
        capacity=10,
        at_risk_experience=True,
        preferred_grades="6-11",
    ),
    Teacher(
        key="nach_klassy",
        competencies=[
            "учитель начальных классов высшей категории",
            "адаптация первоклассников",
            "одарённые младшие школьники, олимпиады 1–4",
            "практика педкласса в начальной школе",
        ],
        subject="Начальные классы",
        interests=["рукоделие", "детская литература"],
        age=46,
        capacity=9,
        special_needs_trained=True,
        preferred_grades="1–4 кл.; 10П–11П",
    ),
    Teacher(
        key="istorik_muzey",
        competencies=[
            "история, обществознание (право, экономика)",
            "руководитель школьного музея истории города",
            "экскурсоводы, краеведение",
            "ОГЭ/ЕГЭ общество, история",
        ],
        subject="История, обществознание",
        interests=["краеведение", "архивы"],
        age=58,
        capacity=9,
        preferred_grades="5–11",
    ),
    Teacher(
        key="angl_debaty",
        competencies=[
            "английский язык, ОГЭ/ЕГЭ",
            "дебатный клуб (АПФ, британский парламентский)",
            "Модель ООН",
            "разговорная практика",
        ],
        subject="Английский язык",
        interests=["путешествия", "сериалы на английском"],
        age=32,
        capacity=9,
        preferred_grades="7–11",
    ),
    Teacher(
        key="informatik",
        competencies=[
            "информатика, ОГЭ/ЕГЭ",
            "лаборатория робототехники (с 5 кл.)",
            "куратор киберспортивной команды",
            "Scratch, Python для начинающих",
        ],
        subject="Информатика",
        interests=["киберспорт", "Arduino"],
        age=35,
        capacity=9,
        preferred_grades="5–11",
    ),
    Teacher(
        key="peer_med",
        competencies=[
            "ученица 11М, призёр региональной олимпиады по биологии",
            "пою в школьном хоре",
            "сама перешла в эту школу в 8 кл. — помогаю новеньким",
            "как совмещать учёбу и кружки и не выгореть",
        ],
        subject="",
        interests=["хор", "биология", "волонтёрство"],
        group_name="11М",
        age=17,
        capacity=5,
        preferred_grades="5–8",
    ),
    Teacher(
        key="peer_it",
        competencies=[
            "ученик 11И, капитан киберспортивной команды",
            "программирование для младших (Python, моды)",
            "робототехника — помогаю в лаборатории",
            "как играть и не завалить учёбу",
        ],
        subject="",
        interests=["Dota 2", "ардуино"],
        group_name="11И",
        age=17,
        capacity=5,
        preferred_grades="6–9 кл.",
    ),
    Teacher(
        key="peer_ped",
        competencies=[
            "ученица 10П, вожатая",
            "помощь младшим: чтение, домашка, переход в 5 класс",
            "играю в школьном театре",
        ],
        subject="",
        interests=["театр", "дети", "рисование"],
        group_name="10П",
        age=16,
        capacity=5,
        preferred_grades="1-5",
    ),
]

HELD_OUT_DEC7D: list[Pupil] = [
    # --- medical class and biology ---
    # easy
    Pupil(
        requests=["подготовка к ЕГЭ по биологии", "поступление в медуниверситет"],
        areas=["Биология"],
        group_name="11М",
        request_text="Хочу в педиатрию, нужен человек который расскажет как там на самом деле",
        right=("med_vrach",),
    ),
    # easy
    Pupil(
        requests=["химия ЕГЭ", "органика"],
        areas=["Химия"],
        group_name="10М",
        request_text="Химия - 3 в прошлой четверти, органика вообще не идёт, а в медкласс без неё никак",
        right=("himik", "med_vrach"),
    ),
    # medium: the mother's job is not the request; unsure of the choice
    Pupil(
        requests=[],
        group_name="9М",
        request_text=(
            "мама врач-реаниматолог и все думают что я тоже пойду в мед. я сама не уверена, "
            "хочу понять моё это или нет, может вообще в психологию"
        ),
        right=("med_vrach", "psiholog"),
    ),
    # medium: the father's job is not the request
    Pupil(
        requests=["первая помощь"],
        group_name="7В",
        request_text="Записался в кружок первой помощи, хочу научиться делать СЛР. Папа работает на скорой но дома ему некогда",
        right=("med_vrach",),
    ),
    # medium: type 1 diabetes
    Pupil(
        requests=["адаптация в классе"],
        group_name="8А",
        special_needs=True,
        request_text=(
            "СД 1 типа, на помпе с этого года. Стесняется делать замеры при классе, на физре были гипо. "
            "Нужен взрослый, который понимает в диабете (кл. рук.)"
        ),
        right=("med_vrach", "tyutor_inkl", "psiholog"),
    ),
    # easy
    Pupil(
        requests=["олимпиада по биологии"],
        areas=["Биология"],
        group_name="9М",
        right=("med_vrach",),
    ),
    # easy: a younger pupil to the peer mentor
    Pupil(
        requests=["биология", "общение со старшеклассниками"],
        group_name="6Б",
        request_text="хочу потом в медкласс, интересно поговорить с кем-то кто там учится",
        right=("peer_med",),
    ),
    # hard: eating disorder, no request, explicitly not a subject teacher
    Pupil(
        requests=[],
        group_name="9Г",
        at_risk=True,
        request_text=(
            "Кл. руководитель: за осень резко похудела, в столовой не ест, на вопросы «всё норм». "
            "Мама тоже заметила. Просьба не к учителю-предметнику, с учёбой проблем нет"
        ),
        right=("psiholog",),
    ),
    # medium: wants surgery but faints at blood
    Pupil(
        requests=["хирургия", "профориентация"],
        areas=["Биология"],
        group_name="10М",
        request_text="Хочу стать хирургом, но на практике в клинике чуть не упал в обморок когда увидел кровь. Не знаю что с этим делать",
        right=("med_vrach", "psiholog"),
    ),
    # easy
    Pupil(
        requests=["ОГЭ химия"],
        areas=["Химия"],
        group_name="9А",
        right=("himik",),
    ),
    # easy
    Pupil(
        requests=["химия с нуля", "задачи на моли"],
        group_name="8Б",
        request_text="только начали химию и я уже ничего не понимаю",
        right=("himik",),
    ),
    # hard: the father's chemistry is not wanted, physics is
    Pupil(
        requests=["физика"],
        group_name="10Т",
        request_text=(
            "папа химик-технолог на заводе, но химия мне не нужна вообще. в инженерный класс пришла "
            "из-за физики а по механике сейчас завал"
        ),
        right=("fizik", "inzhener_politeh"),
    ),
    # easy
    Pupil(
        requests=["ЕГЭ по физике", "профильная математика"],
        areas=["Физика", "Математика"],
        group_name="11Т",
        right=("fizik", "matematik"),
    ),
    # easy
    Pupil(
        requests=["физика", "задачи на движение"],
        areas=["Физика"],
        group_name="8В",
        right=("fizik",),
    ),
    # medium: afraid to ask in class
    Pupil(
        requests=[],
        areas=["Физика"],
        group_name="7А",
        request_text="Новый предмет физика, учитель объясняет быстро, а спросить на уроке она боится (мама)",
        right=("fizik",),
    ),
    # easy
    Pupil(
        requests=["математика", "дроби"],
        group_name="5В",
        right=("matematik",),
    ),
    # easy
    Pupil(
        requests=["ЕГЭ профиль математика"],
        areas=["Математика"],
        group_name="11Э",
        right=("matematik",),
    ),
    # medium: wants olympiads, parents want a tutor
    Pupil(
        requests=["олимпиадная математика"],
        group_name="7Б",
        request_text="Сам хочет решать олимпиады, родители против — говорят лучше репетитор к ОГЭ. Оценки 5",
        right=("matematik",),
    ),
    # hard: subject requests, the real need is burnout
    Pupil(
        requests=["информатика ЕГЭ", "профильная математика"],
        group_name="11И",
        request_text=(
            "родители хотят 100 баллов по информатике и профилю, у меня три репетитора, сплю по 5 часов, "
            "стало всё равно. по предметам вообще-то всё ок"
        ),
        right=("psiholog", "informatik"),
    ),
    # easy: chess in primary
    Pupil(
        requests=["шахматы", "получить разряд"],
        group_name="4А",
        right=("matematik",),
    ),
    # easy
    Pupil(
        requests=["шахматы", "турниры"],
        group_name="6Г",
        right=("matematik",),
    ),
    # easy
    Pupil(
        requests=["ОГЭ по русскому", "сочинение 13.3"],
        areas=["Русский язык"],
        group_name="9Б",
        right=("rus_lit",),
    ),
    # easy
    Pupil(
        requests=["итоговое сочинение", "ЕГЭ русский"],
        areas=["Русский язык", "Литература"],
        group_name="11А",
        right=("rus_lit",),
    ),
    # medium: dyslexia in 6th grade
    Pupil(
        requests=["техника чтения"],
        areas=["Литература"],
        group_name="6В",
        special_needs=True,
        request_text="дислексия, читает медленно, по литературе двойки за чтение вслух",
        right=("logoped", "rus_lit", "tyutor_inkl"),
    ),
    # easy
    Pupil(
        requests=["дисграфия", "пропускает буквы"],
        group_name="3Б",
        special_needs=True,
        right=("logoped", "nach_klassy"),
    ),
    # easy
    Pupil(
        requests=[],
        group_name="2А",
        request_text="не выговаривает Р и Ш, в классе дразнят",
        right=("logoped",),
    ),
    # hard: dyslexia, but the speech therapist is no longer wanted
    Pupil(
        requests=["подготовка к ОГЭ по русскому"],
        group_name="8А",
        special_needs=True,
        request_text=(
            "Дислексия (заключение ПМПК). Логопед был в начальной школе, сейчас не нужен. "
            "Очень боится ОГЭ по русскому через год"
        ),
        right=("rus_lit", "tyutor_inkl"),
    ),
    # medium
    Pupil(
        requests=["конкурс чтецов", "литература"],
        group_name="10П",
        right=("rus_lit", "rezhisser"),
    ),
    # --- engineering, robotics, IT ---
    # easy
    Pupil(
        requests=["инженерный проект", "3D-моделирование"],
        areas=["Черчение"],
        group_name="10Т",
        right=("inzhener_politeh",),
    ),
    # easy
    Pupil(
        requests=["робототехника", "соревнования"],
        group_name="9Т",
        right=("inzhener_politeh", "informatik"),
    ),
    # medium: too young for the engineer
    Pupil(
        requests=[],
        group_name="6А",
        request_text="хочу в робототехнику, собирал лего-роботов дома, а в лабораторию вроде берут не всех",
        right=("informatik", "peer_it"),
    ),
    # easy
    Pupil(
        requests=["поступление в Политех", "олимпиада Звезда"],
        areas=["Физика"],
        group_name="11Т",
        right=("inzhener_politeh", "fizik"),
    ),
    # hard: wheelchair user with an engineering project
    Pupil(
        requests=["инженерный проект на конкурс"],
        group_name="9Т",
        special_needs=True,
        request_text=(
            "ДЦП, на коляске. Ходит в лабораторию, но лифт в корпусе Б часто не работает и на 3 этаж "
            "его заносят ребята. Хочет сделать свой проект на конкурс, руки работают хорошо"
        ),
        right=("inzhener_politeh", "tyutor_inkl"),
    ),
    # easy
    Pupil(
        requests=["Python", "веб-разработка"],
        areas=["Информатика"],
        group_name="10И",
        right=("razrab_it", "informatik"),
    ),
    # easy
    Pupil(
        requests=["ОГЭ информатика"],
        areas=["Информатика"],
        group_name="9И",
        right=("informatik",),
    ),
    # easy
    Pupil(
        requests=["кем работать в айти"],
        group_name="8И",
        request_text="фронтенд или геймдев, не понимаю что выбрать",
        right=("razrab_it", "peer_it"),
    ),
    # medium: Minecraft mods, too young for the developer
    Pupil(
        requests=["программирование"],
        group_name="7Г",
        request_text="пишу моды для майнкрафта по видосам с ютуба, хочу научиться нормально а не копипастом",
        right=("peer_it", "informatik"),
    ),
    # hard: gaming at night, family conflict, no request
    Pupil(
        requests=[],
        group_name="8Д",
        at_risk=True,
        request_text=(
            "Играет ночами, опоздания и пропуски первых уроков, мама забирает телефон — скандалы до "
            "крика. Сам говорит что «просто отдыхает»"
        ),
        right=("psiholog", "socped", "peer_it"),
    ),
    # easy
    Pupil(
        requests=["киберспорт", "попасть в команду школы"],
        group_name="9В",
        right=("informatik", "peer_it"),
    ),
    # medium: IT class, but wants business
    Pupil(
        requests=["предпринимательство"],
        group_name="11И",
        request_text="в айти работать не хочу хоть и учусь в ИТ-классе, понял что хочу своё приложение и продавать его",
        right=("startaper", "razrab_it"),
    ),
    # medium: cyberbullying
    Pupil(
        requests=[],
        group_name="7А",
        request_text="в общем чате класса скинули её фото с подписями, теперь не хочет идти в школу. Родители написали заявление",
        right=("psiholog", "socped"),
    ),
    # easy
    Pupil(
        requests=["хакатон", "командный проект"],
        areas=["Информатика"],
        group_name="10И",
        right=("razrab_it", "startaper"),
    ),
    # --- business, pedagogy, primary ---
    # easy
    Pupil(
        requests=["бизнес-план", "бизнес-инкубатор"],
        group_name="10Э",
        right=("startaper",),
    ),
    # easy
    Pupil(
        requests=["финансовая грамотность"],
        areas=["Обществознание"],
        group_name="9Э",
        right=("startaper", "istorik_muzey"),
    ),
    # medium
    Pupil(
        requests=[],
        group_name="11Э",
        request_text="перепродаю кроссовки через авито, хочу оформить самозанятость или ИП, родители не в теме как это",
        right=("startaper",),
    ),
    # hard: the grandfather's business is not the request, film is
    Pupil(
        requests=[],
        group_name="8Б",
        request_text=(
            "дед бизнесмен и все говорят что я тоже буду, а мне нравится снимать и монтировать видео, "
            "хочу в киностудию"
        ),
        right=("rezhisser",),
    ),
    # easy
    Pupil(
        requests=["педагогика", "вожатство"],
        group_name="10П",
        right=("nach_klassy",),
    ),
    # medium
    Pupil(
        requests=["поступление на дефектолога"],
        group_name="11П",
        request_text="хочу работать логопедом с детьми, хочу понять что это за работа изнутри",
        right=("logoped", "tyutor_inkl"),
    ),
    # medium: gifted, bored
    Pupil(
        requests=[],
        group_name="2Б",
        request_text="читает с 4 лет, на уроках скучает, решает задачи за 4 класс. Дома говорит что в школе неинтересно",
        right=("nach_klassy",),
    ),
    # easy
    Pupil(
        requests=["олимпиады для младших", "математика"],
        group_name="3А",
        right=("nach_klassy",),
    ),
    # medium: first-grader adaptation
    Pupil(
        requests=["адаптация к школе"],
        group_name="1В",
        request_text="плачет по утрам, в сад ходил с удовольствием. С учёбой пока нормально",
        right=("psiholog", "nach_klassy"),
    ),
    # medium: moving to 5th grade
    Pupil(
        requests=[],
        group_name="4Б",
        request_text="боится переходить в 5 класс в корпус Б, там много учителей и большие ребята",
        right=("peer_ped", "psiholog", "nach_klassy"),
    ),
    # --- theatre, film, choir ---
    # easy
    Pupil(
        requests=["театр", "сцена"],
        group_name="7В",
        right=("rezhisser",),
    ),
    # easy
    Pupil(
        requests=["видеомонтаж", "киностудия"],
        group_name="9Б",
        right=("rezhisser",),
    ),
    # medium
    Pupil(
        requests=["публичные выступления"],
        group_name="8Г",
        request_text="на защите проекта трясусь и забываю текст",
        right=("rezhisser", "angl_debaty", "psiholog"),
    ),
    # hard: the mother's theatre is not wanted, chemistry is
    Pupil(
        requests=[],
        group_name="10А",
        request_text="мама актриса драмтеатра, поэтому все думают что я в театр. НЕТ!! мне нужна помощь с химией на ЕГЭ",
        right=("himik",),
    ),
    # medium: the choir
    Pupil(
        requests=["хор", "сольное пение"],
        group_name="6А",
        request_text="хочет солировать на концерте но стесняется",
        right=("peer_med", "rezhisser"),
    ),
    # --- sport ---
    # easy
    Pupil(
        requests=["баскетбол"],
        group_name="6Б",
        right=("trener",),
    ),
    # easy
    Pupil(
        requests=["плавание", "ГТО"],
        group_name="5Г",
        right=("trener",),
    ),
    # easy
    Pupil(
        requests=["фехтование"],
        group_name="8А",
        right=("trener",),
    ),
    # medium: at risk, likes basketball
    Pupil(
        requests=["баскетбол"],
        group_name="9Д",
        at_risk=True,
        request_text="на учёте в ПДН, парит вейп за гаражами, но на баскетбол ходит",
        right=("socped", "trener"),
    ),
    # hard: sport explicitly not to be offered
    Pupil(
        requests=[],
        group_name="7Д",
        at_risk=True,
        request_text=(
            "Спорт не предлагать — бросил плавание после травмы плеча, тяжело переживает. "
            "Начал прогуливать, дома молчит"
        ),
        right=("psiholog", "socped"),
    ),
    # --- volunteers, museum, English ---
    # easy
    Pupil(
        requests=["волонтёрство"],
        group_name="8В",
        right=("volontery",),
    ),
    # easy
    Pupil(
        requests=["социальный проект", "добро.рф"],
        group_name="10А",
        right=("volontery",),
    ),
    # medium
    Pupil(
        requests=[],
        group_name="7Б",
        request_text="хочет помогать в приюте для собак, но туда нужно разрешение родителей и чтобы кто-то организовал",
        right=("volontery",),
    ),
    # hard: moved after a conflict; engage through volunteering
    Pupil(
        requests=[],
        group_name="9А",
        at_risk=True,
        request_text=(
            "Перевёлся в октябре после конфликта в прежней школе. Замкнут, ни с кем не общается, "
            "но на субботнике помогал с удовольствием"
        ),
        right=("volontery", "psiholog", "socped"),
    ),
    # easy
    Pupil(
        requests=["история", "ОГЭ обществознание"],
        group_name="9В",
        right=("istorik_muzey",),
    ),
    # easy
    Pupil(
        requests=["экскурсовод в школьном музее"],
        group_name="7А",
        right=("istorik_muzey",),
    ),
    # medium: the great-grandfather is the project, not a relative's job
    Pupil(
        requests=["ЕГЭ история"],
        group_name="11А",
        request_text="прадед воевал, хочу сделать про него проект для музея",
        right=("istorik_muzey",),
    ),
    # easy
    Pupil(
        requests=["английский", "разговорный"],
        group_name="8И",
        right=("angl_debaty",),
    ),
    # easy
    Pupil(
        requests=["дебаты"],
        group_name="10Э",
        right=("angl_debaty",),
    ),
    # medium
    Pupil(
        requests=["ЕГЭ английский"],
        group_name="11А",
        request_text="ещё хочу IELTS сдать на 7, но не знаю с чего начать",
        right=("angl_debaty",),
    ),
    # hard: hearing aids, English listening, 5th grade
    Pupil(
        requests=["английский"],
        group_name="5В",
        special_needs=True,
        request_text=(
            "Слуховые аппараты с двух сторон. На шумных переменах теряется, на английском аудирование "
            "почти не слышит, стесняется переспрашивать"
        ),
        right=("tyutor_inkl", "psiholog"),
    ),
    # medium: autism in a new school
    Pupil(
        requests=[],
        group_name="6Г",
        special_needs=True,
        request_text="РАС. Новенький, тяжело с громкими звуками в столовой. Любит поезда и схемы метро",
        right=("tyutor_inkl", "psiholog"),
    ),
    # hard: autism, strong programmer, teamwork
    Pupil(
        requests=["командный проект в IT-компании"],
        group_name="10И",
        special_needs=True,
        request_text=(
            "РАС (Аспергер). Пишет код лучше многих, но в групповом проекте с компанией-партнёром "
            "не может работать в команде, уходит с созвонов"
        ),
        right=("tyutor_inkl", "psiholog", "razrab_it"),
    ),
    # medium: twins compared
    Pupil(
        requests=[],
        group_name="8А",
        request_text="мы близнецы, нас всё время сравнивают, сестра отличница а я нет. бесит",
        right=("psiholog",),
    ),
    # medium: transferred after a fight
    Pupil(
        requests=[],
        group_name="8Б",
        at_risk=True,
        request_text="Перевёлся из гимназии после драки. Вспыльчивый, когда задевают — бьёт. Любит спорт",
        right=("socped", "trener", "psiholog"),
    ),
    # --- a second round: spreadsheets of class teachers ---
    # easy
    Pupil(
        requests=["Биология 8 класс", "пробелы"],
        areas=["Биология"],
        group_name="8М",
        request_text="пропустила месяц по болезни",
        right=("med_vrach",),
    ),
    # medium: anatomy for the medical class, with a tutor already for chemistry
    Pupil(
        requests=["анатомия"],
        group_name="10М",
        request_text="по химии репетитор уже есть, химию не надо. нужна анатомия и как готовиться к практике в клинике",
        right=("med_vrach",),
    ),
    # hard: the sister's anorexia history; the pupil wants nutrition talk with a doctor
    Pupil(
        requests=["правильное питание"],
        group_name="10М",
        at_risk=True,
        request_text=(
            "у старшей сестры была анорексия, я боюсь что у меня тоже начинается, считаю калории. "
            "маме не говорите пожалуйста"
        ),
        right=("psiholog", "med_vrach"),
    ),
    # easy
    Pupil(
        requests=["ЕГЭ химия 80+"],
        areas=["Химия", "Биология"],
        group_name="11М",
        right=("himik", "med_vrach"),
    ),
    # medium: chemistry olympiad at 8th
    Pupil(
        requests=[],
        areas=["Химия"],
        group_name="8М",
        request_text="дома ставит опыты (под присмотром), хочет на олимпиаду по химии уже в этом году",
        right=("himik",),
    ),
    # easy
    Pupil(
        requests=["электричество", "физика"],
        group_name="9Т",
        request_text="Физика 3, остальное 4-5",
        right=("fizik",),
    ),
    # hard: physics named only as a parent's subject
    Pupil(
        requests=[],
        group_name="11Т",
        request_text=(
            "Папа преподаёт физику в Политехе и сам со мной занимается, так что физика не нужна. "
            "Не могу выбрать вуз — Политех или уехать в Питер, с папой спорим"
        ),
        right=("inzhener_politeh", "psiholog"),
    ),
    # easy
    Pupil(
        requests=["геометрия"],
        areas=["Математика"],
        group_name="8В",
        right=("matematik",),
    ),
    # easy
    Pupil(
        requests=["ОГЭ математика", "подтянуть алгебру"],
        group_name="9Г",
        right=("matematik",),
    ),
    # medium: primary maths olympiad, gifted
    Pupil(
        requests=["олимпиадная математика"],
        group_name="4В",
        request_text="Кенгуру и Олимпис пишет на максимум, учитель говорит нужен кто-то сильнее программы",
        right=("nach_klassy",),
    ),
    # easy
    Pupil(
        requests=["грамотность", "запятые"],
        areas=["Русский язык"],
        group_name="7Г",
        right=("rus_lit",),
    ),
    # easy
    Pupil(
        requests=["итоговое собеседование"],
        group_name="9Д",
        right=("rus_lit",),
    ),
    # medium: reading for a second-grader
    Pupil(
        requests=["чтение"],
        group_name="2В",
        request_text="читает по слогам, путает б и д",
        right=("logoped", "nach_klassy"),
    ),
    # hard: dysgraphia + the mother is a speech therapist (not a request)
    Pupil(
        requests=["русский язык"],
        group_name="5А",
        special_needs=True,
        request_text=(
            "Дисграфия. Мама сама логопед, занимается с ним дома, школьный логопед не нужен. "
            "Нужна помощь с правилами и диктантами в 5 классе"
        ),
        right=("rus_lit",),
    ),
    # easy
    Pupil(
        requests=["Arduino", "робототехника"],
        group_name="7Т",
        right=("informatik", "peer_it"),
    ),
    # easy
    Pupil(
        requests=["черчение", "САПР"],
        group_name="10Т",
        right=("inzhener_politeh",),
    ),
    # medium
    Pupil(
        requests=[],
        group_name="9Т",
        request_text="хочу в НТО по профилю «Автономные транспортные системы», команда есть, наставника нет",
        right=("inzhener_politeh", "informatik"),
    ),
    # easy
    Pupil(
        requests=["Scratch"],
        group_name="5Б",
        right=("informatik",),
    ),
    # easy
    Pupil(
        requests=["мобильная разработка", "стажировка"],
        group_name="11И",
        right=("razrab_it",),
    ),
    # medium: esports captain's younger brother
    Pupil(
        requests=["киберспорт"],
        group_name="6В",
        request_text="брат в сборной по киберспорту, я тоже хочу, играю в Доту. по учёбе тройки",
        right=("peer_it", "informatik"),
    ),
    # hard: gaming as a refusal of help
    Pupil(
        requests=[],
        group_name="10И",
        at_risk=True,
        request_text=(
            "Наставник не нужен, мне и так норм (ответ ученика). Кл. рук.: 40 пропусков за четверть, "
            "ночью в онлайн-играх, отец в командировках"
        ),
        right=("socped", "psiholog"),
    ),
    # easy
    Pupil(
        requests=["стартап", "питч"],
        group_name="11Э",
        right=("startaper",),
    ),
    # medium: money and investments
    Pupil(
        requests=[],
        group_name="10Э",
        request_text="хочу разобраться в инвестициях, открыла брокерский счёт с мамой, боюсь всё потерять",
        right=("startaper",),
    ),
    # hard: the father's bankruptcy, not a business request
    Pupil(
        requests=[],
        group_name="9Э",
        at_risk=True,
        request_text=(
            "Папин бизнес прогорел, семья переехала в съёмную, ребёнок стал агрессивным на уроках. "
            "В классе Э учится по желанию родителей"
        ),
        right=("socped", "psiholog"),
    ),
    # easy
    Pupil(
        requests=["работа с детьми", "практика в начальной школе"],
        group_name="11П",
        right=("nach_klassy",),
    ),
    # easy: a third-grader to the peer mentor
    Pupil(
        requests=["помощь с домашкой", "чтение"],
        group_name="3В",
        right=("peer_ped", "nach_klassy"),
    ),
    # medium: gifted first-grader
    Pupil(
        requests=[],
        group_name="1А",
        request_text="уже читает бегло и считает до тысячи, на уроках отвлекает других потому что ему скучно",
        right=("nach_klassy",),
    ),
    # easy
    Pupil(
        requests=["актёрское мастерство"],
        group_name="5Б",
        right=("rezhisser", "peer_ped"),
    ),
    # easy
    Pupil(
        requests=["сценарий", "короткометражка"],
        group_name="10А",
        right=("rezhisser",),
    ),
    # medium: film for a younger pupil
    Pupil(
        requests=[],
        group_name="4Г",
        request_text="снимает мультики на телефон из пластилина",
        right=("rezhisser",),
    ),
    # easy
    Pupil(
        requests=["баскетбол", "сборная школы"],
        group_name="9Б",
        right=("trener",),
    ),
    # easy
    Pupil(
        requests=["плавание"],
        group_name="4А",
        right=("trener",),
    ),
    # medium: cerebral palsy and sport
    Pupil(
        requests=["адаптивный спорт"],
        group_name="7В",
        special_needs=True,
        request_text="ДЦП, передвигается на коляске. Хочет заниматься спортом — бочча или плавание?",
        right=("tyutor_inkl", "trener"),
    ),
    # hard: vaping, negation of sport
    Pupil(
        requests=[],
        group_name="10Б",
        at_risk=True,
        request_text=(
            "Поймали с вейпом в туалете третий раз. Физрой не интересуется совсем, секции — нет. "
            "Родители в разводе, живёт с бабушкой"
        ),
        right=("socped", "psiholog"),
    ),
    # easy
    Pupil(
        requests=["помощь ветеранам", "волонтёрство"],
        group_name="7Д",
        right=("volontery",),
    ),
    # medium
    Pupil(
        requests=["экология"],
        group_name="6В",
        request_text="хочет собирать батарейки и крышечки по всей школе, нужен кто-то кто поможет организовать",
        right=("volontery",),
    ),
    # easy
    Pupil(
        requests=["краеведение", "история города"],
        group_name="6А",
        right=("istorik_muzey",),
    ),
    # easy
    Pupil(
        requests=["право", "обществознание ЕГЭ"],
        group_name="11Э",
        right=("istorik_muzey",),
    ),
    # easy
    Pupil(
        requests=["Модель ООН"],
        group_name="9В",
        right=("angl_debaty",),
    ),
    # medium
    Pupil(
        requests=["английский", "ОГЭ"],
        group_name="9А",
        request_text="англ - 3, говорить вообще не могу, грамматику учу по приложению",
        right=("angl_debaty",),
    ),
    # --- questionnaires in the pupils' own words ---
    # hard: exam anxiety in the medical class, subjects are fine
    Pupil(
        requests=["стресс перед экзаменами"],
        areas=["Биология", "Химия"],
        group_name="11М",
        request_text=(
            "по биологии и химии у меня 5, дело не в знаниях. на пробнике руки трясутся и я всё забываю, "
            "родители говорят меньше 95 — позор"
        ),
        right=("psiholog",),
    ),
    # hard: burnout in 9th, a swimmer
    Pupil(
        requests=[],
        group_name="9Б",
        request_text=(
            "КМС по плаванию, тренировки 2 раза в день, в школе засыпает. Мама хочет бросить спорт ради ОГЭ, "
            "она сама не знает чего хочет"
        ),
        right=("psiholog", "trener"),
    ),
    # hard: cyberbullying by an anonymous account, at risk
    Pupil(
        requests=[],
        group_name="8Г",
        at_risk=True,
        request_text=(
            "Кто-то завёл фейковую страницу в ВК от её имени и пишет гадости одноклассникам. Плачет, "
            "говорит что жить не хочется. Родители в курсе"
        ),
        right=("psiholog",),
    ),
    # medium: siblings, the younger one
    Pupil(
        requests=["адаптация"],
        group_name="5А",
        request_text="старший брат в 11И, а я пришёл в пятый, ничего не знаю где какой кабинет",
        right=("peer_ped", "psiholog"),
    ),
    # medium: a new pupil from another city
    Pupil(
        requests=["найти друзей"],
        group_name="7Г",
        request_text="Переехали из Мурманска, в классе 34 человека, никого не знаю",
        right=("psiholog", "peer_med", "volontery"),
    ),
    # hard: the debate club, not theatre, despite the stage
    Pupil(
        requests=["аргументация"],
        group_name="10П",
        request_text="в театр не хочу, играть роли это не моё. Хочу научиться спорить по делу и выступать",
        right=("angl_debaty",),
    ),
    # medium: the theatre for a 5th-grader
    Pupil(
        requests=["театральная студия"],
        group_name="5В",
        request_text="в прошлом году играла в сказке, хочу дальше",
        right=("rezhisser", "peer_ped"),
    ),
    # hard: pre-med, type 1 diabetes, not adaptation but career
    Pupil(
        requests=["поступление в медицинский"],
        group_name="10М",
        special_needs=True,
        request_text=(
            "У меня СД 1 с 6 лет, с ним я давно разобралась, помощь с этим не нужна. Хочу стать "
            "эндокринологом, мне нужен кто-то кто знает как поступить и выдержать учёбу"
        ),
        right=("med_vrach",),
    ),
    # medium: a hearing-impaired senior in IT
    Pupil(
        requests=["профориентация IT"],
        group_name="10И",
        special_needs=True,
        request_text="слабослышащий, кохлеарный имплант. интересно тестирование ПО, можно ли там работать",
        right=("razrab_it", "tyutor_inkl"),
    ),
    # hard: wheelchair, wants the theatre; nobody says it is for him
    Pupil(
        requests=["театр"],
        group_name="8В",
        special_needs=True,
        request_text=(
            "Колясочник (ДЦП). В театр хочет давно, но думает что ему «не дадут роль». Сцена в актовом "
            "зале без пандуса"
        ),
        right=("rezhisser", "tyutor_inkl"),
    ),
    # easy
    Pupil(
        requests=["ЕГЭ информатика"],
        areas=["Информатика"],
        group_name="11И",
        right=("informatik",),
    ),
    # medium: the chess and olympiad maths for a 2nd grader -> chess
    Pupil(
        requests=[],
        group_name="2Г",
        request_text="обыгрывает папу в шахматы, хочет в клуб и на турнир",
        right=("matematik",),
    ),
    # hard: relatives' jobs listed, request is the school museum
    Pupil(
        requests=[],
        group_name="8Д",
        request_text=(
            "мама медсестра, папа водитель трамвая, бабушка раньше работала на тракторном заводе. "
            "Хочу собрать историю завода для музея школы"
        ),
        right=("istorik_muzey",),
    ),
    # medium
    Pupil(
        requests=["поступление на истфак"],
        group_name="11П",
        right=("istorik_muzey",),
    ),
    # hard: a pupil whose entrepreneurship is a cover for overload
    Pupil(
        requests=["бизнес-инкубатор"],
        group_name="10Э",
        request_text=(
            "Мама записала в инкубатор, плюс репетиторы по 4 предметам, плюс фехтование. "
            "Сам сказал на собеседовании: «я ничего не хочу, я устал»"
        ),
        right=("psiholog", "startaper"),
    ),
    # easy
    Pupil(
        requests=["фехтование", "соревнования"],
        group_name="6Д",
        right=("trener",),
    ),
    # medium: at-risk girl in volunteering
    Pupil(
        requests=["волонтёрство"],
        group_name="8Д",
        at_risk=True,
        request_text="Состоит на внутришкольном учёте за прогулы. Сама попросилась в волонтёры на акцию в хоспис",
        right=("volontery", "socped"),
    ),
    # hard: negation of psychology; the request is basketball
    Pupil(
        requests=["баскетбол"],
        group_name="7А",
        request_text=(
            "К психологу не пойду, со мной всё нормально, проблем с поведением нет. Хочу в сборную по "
            "баскетболу, рост 178"
        ),
        right=("trener",),
    ),
    # medium: pedagogical class, inclusion
    Pupil(
        requests=["инклюзия"],
        group_name="10П",
        request_text="хочу помогать тьютору, потом может поступлю на дефектологию",
        right=("tyutor_inkl", "logoped"),
    ),
    # easy
    Pupil(
        requests=["звукопроизношение"],
        group_name="1Б",
        special_needs=True,
        right=("logoped",),
    ),
    # medium: РАС in primary
    Pupil(
        requests=[],
        group_name="3Г",
        special_needs=True,
        request_text="РАС, обучается по АООП 8.2, в классе с тьютором частично. Очень любит цифры и календари",
        right=("tyutor_inkl", "nach_klassy"),
    ),
    # hard: a gifted primary pupil whose parents want the senior maths teacher
    Pupil(
        requests=["математика за 5 класс", "олимпиады"],
        group_name="3В",
        request_text="родители просят учителя из старшей школы, хотят чтобы сдал ОГЭ в 13 лет. сам хочет играть",
        right=("nach_klassy", "psiholog"),
    ),
    # easy
    Pupil(
        requests=["Python для начинающих"],
        group_name="6Б",
        right=("informatik", "peer_it"),
    ),
    # medium
    Pupil(
        requests=["геймдев"],
        group_name="9И",
        request_text="делаю игру на Unity с другом, застряли на сетевом режиме",
        right=("razrab_it", "peer_it"),
    ),
    # hard: the informatics olympiad pupil whose real issue is sleep and panic
    Pupil(
        requests=["олимпиадное программирование"],
        group_name="10И",
        request_text=(
            "после отборочного на регион у него паническая атака была прямо в аудитории, теперь "
            "отказывается участвовать. Мама хочет, чтобы он «переломил себя»"
        ),
        right=("psiholog", "informatik"),
    ),
    # easy
    Pupil(
        requests=["3D-печать", "прототип"],
        group_name="11Т",
        right=("inzhener_politeh",),
    ),
    # medium: an engineering girl doubting her place
    Pupil(
        requests=[],
        group_name="10Т",
        request_text="единственная девочка в инж. классе, парни подкалывают что «не женское дело». хочу в авиастроение",
        right=("inzhener_politeh", "psiholog"),
    ),
    # hard: dyslexia in the engineering class, not speech therapy
    Pupil(
        requests=["ЕГЭ русский"],
        group_name="11Т",
        special_needs=True,
        request_text="дислексия, по физике и черчению всё отлично. боюсь не набрать порог по русскому",
        right=("rus_lit", "tyutor_inkl"),
    ),
    # easy
    Pupil(
        requests=["анализ стихотворения", "литература"],
        group_name="8Б",
        right=("rus_lit",),
    ),
    # medium: a twin who wants a different circle from her sister
    Pupil(
        requests=["хор"],
        group_name="7Б",
        request_text="Сестра-близнец в театре, а я хочу отдельно от неё, в хор. Мама хочет чтобы мы были вместе",
        right=("peer_med", "psiholog"),
    ),
    # hard: the school refuser with an ill mother
    Pupil(
        requests=[],
        group_name="6Д",
        at_risk=True,
        request_text=(
            "мама болеет (онкология), отец не живёт с семьёй. Мальчик ухаживает за младшей сестрой, "
            "на уроках спит, домашку не делает. Учителя жалуются на поведение"
        ),
        right=("socped", "psiholog"),
    ),
    # easy
    Pupil(
        requests=["ОГЭ биология"],
        areas=["Биология"],
        group_name="9А",
        right=("med_vrach",),
    ),
    # medium: a young biologist to the peer mentor
    Pupil(
        requests=[],
        areas=["Биология"],
        group_name="7В",
        request_text="хочет участвовать в школьном этапе олимпиады по биологии, дома живут улитки и богомол",
        right=("peer_med",),
    ),
    # hard: social media and body image, asks for a coach
    Pupil(
        requests=["похудеть", "фитнес"],
        group_name="8Б",
        at_risk=True,
        request_text=(
            "Насмотрелась блогеров, ест раз в день, хочет тренера чтобы «сжечь всё». Вес в норме по "
            "медосмотру"
        ),
        right=("psiholog", "med_vrach"),
    ),
    # medium: pre-profile choice in 8th
    Pupil(
        requests=["выбор профиля"],
        group_name="8А",
        request_text="в 10 класс не знаю куда — медицинский, ИТ или инженерный. нравятся и биология и информатика",
        right=("psiholog", "med_vrach", "razrab_it"),
    ),
    # easy
    Pupil(
        requests=["соцпроект", "грант Движения Первых"],
        group_name="9Д",
        right=("volontery",),
    ),
    # hard: a pupil moved after bullying at the old school; subjects fine; no at-risk flag
    Pupil(
        requests=["общение"],
        group_name="10А",
        request_text=(
            "в старой школе травили весь 9 класс, поэтому перешла. учусь нормально, оценки не проблема. "
            "боюсь что здесь будет так же"
        ),
        right=("psiholog",),
    ),
    # --- the hardest: mixed signals ---
    # hard: a sibling's job and the pupil's real interest differ; grade too low for the developer
    Pupil(
        requests=["айти"],
        group_name="7А",
        request_text=(
            "брат работает программистом в той компании что с нами сотрудничает, поэтому мама хочет "
            "чтобы я тоже. мне самой больше нравится роботов собирать чем код писать"
        ),
        right=("informatik", "peer_it"),
    ),
    # hard: the volunteer centre refused; a pupil on КДН who needs the social pedagogue first
    Pupil(
        requests=["волонтёрство"],
        group_name="9Г",
        at_risk=True,
        request_text=(
            "КДН после кражи в магазине, суд обязал к общественным работам. Сам про волонтёрство "
            "говорит «это для галочки»"
        ),
        right=("socped", "volontery"),
    ),
    # hard: a 6th-grader with a hearing aid asking for the debate club (from 7th)
    Pupil(
        requests=["дебаты"],
        group_name="6А",
        special_needs=True,
        request_text=(
            "носит слуховой аппарат, очень сильная в аргументации, но в дебатах быстрая речь и она не "
            "успевает. Клуб с 7 класса"
        ),
        right=("tyutor_inkl", "psiholog"),
    ),
    # hard: «ЕГЭ на 100» for chemistry, but the pupil wants art
    Pupil(
        requests=["ЕГЭ химия на 100"],
        group_name="11М",
        request_text=(
            "запрос мамы. сама ученица на встрече сказала что в мед не хочет, рисует по ночам и "
            "хочет в дизайн, химию ненавидит"
        ),
        right=("psiholog",),
    ),
    # hard: empty everything but flags
    Pupil(
        requests=[],
        group_name="7Д",
        at_risk=True,
        special_needs=True,
        request_text="ЗПР, опекаемый, в школе с сентября после детского дома",
        right=("socped", "tyutor_inkl", "psiholog"),
    ),
    # hard: the film studio for an at-risk vaping pupil who films skate videos
    Pupil(
        requests=[],
        group_name="9В",
        at_risk=True,
        request_text=(
            "Замечен с вейпом, прогулы по пятницам. Снимает и монтирует ролики про скейт для тиктока, "
            "это единственное что его увлекает"
        ),
        right=("rezhisser", "socped"),
    ),
    # hard: a pupil who refuses the business incubator and wants the museum
    Pupil(
        requests=[],
        group_name="10Э",
        request_text=(
            "в экономический класс попала по баллам, бизнес и инкубатор мне не интересны. люблю "
            "старые фотографии города, хочу в музей"
        ),
        right=("istorik_muzey",),
    ),
    # hard: the engineer's field asked by a 7th grader
    Pupil(
        requests=["3D-моделирование", "чертежи"],
        group_name="7Т",
        request_text="в 7 классе предпрофиль ещё не начался, но хочет моделировать уже сейчас",
        right=("informatik",),
    ),
    # hard: a first-grader with diabetes, the parent's words
    Pupil(
        requests=[],
        group_name="1Г",
        special_needs=True,
        request_text=(
            "У дочки диабет 1 типа, ставим сенсор. Боюсь что учитель не заметит гипогликемию. "
            "С учёбой и чтением всё хорошо, логопед не нужен"
        ),
        right=("nach_klassy", "tyutor_inkl"),
    ),
]
