"""A blind labelled set for the quality of matching, ``held_out_dec8b``: written on 7 December 2026 by a
writer who had read neither the engine's vocabulary nor its meaning and matching code, nor any other
labelled set's pupils, nor the bench's output or misses.

The school: a large secondary school (СОШ) of about 1,100 pupils in a town of a North Caucasus republic
(Dagestan-like). Big families, many pupils bilingual (Avar, Dargin, Kumyk or Lezgin at home, Russian at
school), some who struggle with Russian writing; a very strong freestyle-wrestling and martial-arts
culture; a chess club; a school theatre in the native language; a medical-biology class «М» from grade 10
(many want to become doctors); pupils preparing for ЕГЭ for universities in other cities; girls whose
families hesitate about their further study; a few pupils with ОВЗ (hearing loss, ДЦП, ЗПР); pupils at
risk (truancy, conflicts, family feuds, online radical content — written tactfully, as a class teacher
would); a joint volunteers' group of the school and the mosque (help to the elderly, food collections),
and an agricultural partner (an agrofirm with orchards and vineyards).

Mentors are written as the school fills its mentors' spreadsheet: free phrases, abbreviations, grade
ranges in varied notations (some empty). Four external mentors come from the partners (the medical
college, the agrofirm, an alumnus who is a resident doctor, an alumna lawyer who studied in another
city); three senior pupils are peer mentors. A pupil's ``right`` mentors are those the school
psychologist would accept, her first choice first, taking the request's meaning, the grade against the
mentor's preferred grades, ОВЗ (only trained mentors) and at-risk (only experienced mentors) into
account. Comments mark each pupil easy, medium or hard as the writer judged it.
"""

from .quality_set import Pupil, Teacher

DEC8B_MENTORS: list[Teacher] = [
    Teacher(
        key="psych_magomedova",
        subject="педагог-психолог",
        competencies=[
            "психологическая поддержка, тревожность",
            "страх перед экзаменами (ОГЭ, ЕГЭ, ВПР)",
            "конфликты со сверстниками, травля",
            "школьная служба медиации (примирения)",
            "адаптация 1-х и 5-х классов",
            "профориентация: тесты, консультации",
            "сопровождение детей с ОВЗ",
        ],
        interests=["семейные отношения", "кризисные ситуации"],
        age=41,
        capacity=14,
        special_needs_trained=True,
        at_risk_experience=True,
        preferred_grades="1–11 (приоритет: 1, 5, 9, 11 кл.)",
    ),
    Teacher(
        key="socped_gasanov",
        subject="социальный педагог",
        competencies=[
            "профилактика правонарушений, учёт ПДН/КДН, ВШУ",
            "пропуски уроков, работа с семьёй",
            "профилактика деструктивного и экстремистского контента в соцсетях",
            "многодетные и малообеспеченные семьи, льготы, питание",
            "семьи в СОП",
        ],
        interests=["футбол", "работа с трудными подростками"],
        age=47,
        capacity=14,
        at_risk_experience=True,
        preferred_grades="",
    ),
    Teacher(
        key="logoped_alieva",
        subject="учитель-логопед, дефектолог",
        competencies=[
            "коррекция устной и письменной речи, дисграфия, дислексия",
            "постановка звуков",
            "русский как неродной: произношение, словарный запас",
            "коррекционные занятия при ЗПР (чтение, счёт)",
            "слабослышащие дети, дети с имплантом",
        ],
        age=38,
        capacity=8,
        special_needs_trained=True,
        preferred_grades="1–6 кл. (с ЗПР — до 9-го)",
    ),
    Teacher(
        key="nach_yusupova",
        subject="учитель начальных классов",
        competencies=[
            "адаптация первоклассников",
            "помощь с чтением и письмом",
            "дети, плохо владеющие русским языком",
            "олимпиады для нач. школы (математика, окружающий мир)",
            "инклюзивный класс",
        ],
        interests=["природа", "поделки"],
        age=52,
        capacity=12,
        special_needs_trained=True,
        preferred_grades="1-4",
    ),
    Teacher(
        key="rus_kurbanova",
        subject="русский язык и литература",
        competencies=[
            "подготовка к ОГЭ и ЕГЭ по русскому",
            "итоговое сочинение/изложение",
            "грамотность для билингвов (русский как второй)",
            "ГВЭ для детей с ОВЗ",
            "литература",
        ],
        interests=["поэзия", "чтение"],
        age=45,
        capacity=12,
        special_needs_trained=True,
        preferred_grades="8–11 классы",
    ),
    Teacher(
        key="bio_abdullaev",
        subject="биология (мед.-био. класс)",
        competencies=[
            "ЕГЭ по биологии",
            "олимпиады по биологии (ВсОШ, Пироговская)",
            "поступление в медицинский вуз",
            "исследовательские проекты",
            "генетика, анатомия",
        ],
        interests=["ботаника", "сады", "природа Кавказа"],
        age=50,
        capacity=12,
        special_needs_trained=True,
        preferred_grades="9–11, медкласс 10М/11М",
    ),
    Teacher(
        key="chem_omarova",
        subject="химия",
        competencies=[
            "ЕГЭ/ОГЭ химия",
            "задачи, органика",
            "олимпиады по химии",
            "лаборатория, опыты (кружок)",
            "подготовка к поступлению в медкласс",
        ],
        age=39,
        capacity=10,
        preferred_grades="8-11",
    ),
    Teacher(
        key="math_ibragimov",
        subject="математика",
        competencies=[
            "ОГЭ математика",
            "ЕГЭ профиль и база",
            "олимпиадная математика",
            "геометрия",
        ],
        interests=["шахматы", "вольная борьба (болельщик)"],
        age=56,
        capacity=12,
        preferred_grades="7–11",
    ),
    Teacher(
        key="phys_gadzhiev",
        subject="физика",
        competencies=[
            "ЕГЭ/ОГЭ физика",
            "инженерные профессии, поступление в технический вуз",
            "электротехника, проекты",
        ],
        interests=["астрономия", "радиотехника"],
        age=44,
        capacity=8,
        preferred_grades="7-11",
    ),
    Teacher(
        key="inf_rasulov",
        subject="информатика, руководитель шахматного клуба",
        competencies=[
            "шахматы: кружок, турниры, разряды",
            "программирование (Python), олимпиады по информатике",
            "ОГЭ/ЕГЭ информатика",
            "адаптированные занятия для детей с ДЦП и нарушением слуха",
        ],
        interests=["шахматы", "IT"],
        age=35,
        capacity=12,
        special_needs_trained=True,
        preferred_grades="с 3 по 11",
    ),
    Teacher(
        key="pe_nabiev",
        subject="физкультура, тренер по вольной борьбе",
        competencies=[
            "вольная борьба, секция",
            "единоборства (дзюдо, бокс, ММА), ГТО",
            "дисциплина, режим, вес и питание спортсмена",
            "работа с трудными подростками через спорт",
        ],
        interests=["вольная борьба", "спортивные сборы"],
        age=42,
        capacity=14,
        at_risk_experience=True,
        preferred_grades="4-11 (секция с 4 кл.)",
    ),
    Teacher(
        key="theatre_dzhamalova",
        subject="родной (аварский) язык и литература",
        competencies=[
            "школьный театр на родном языке",
            "сцена, выступления, выразительное чтение",
            "родной язык и литература, олимпиады",
            "национальная культура, танцы, праздники",
        ],
        interests=["театр", "поэзия Расула Гамзатова"],
        age=48,
        capacity=10,
        preferred_grades="с 4-го по 11-й",
    ),
    Teacher(
        key="eng_gadzhieva",
        subject="английский язык",
        competencies=[
            "ОГЭ/ЕГЭ английский",
            "разговорный английский",
            "олимпиады по англ.",
            "лингвистика, учёба за рубежом",
        ],
        interests=["путешествия", "сериалы"],
        age=31,
        capacity=10,
        preferred_grades="2-11 (начальная — 2–4 тоже)",
    ),
    Teacher(
        key="hist_aliev",
        subject="история и обществознание",
        competencies=[
            "ЕГЭ/ОГЭ обществознание, история",
            "право, экономика",
            "история Дагестана, краеведение, школьный музей",
            "дебаты",
            "профилактика идеологии терроризма (совместно с соцпедагогом)",
        ],
        interests=["военная история", "поступление в силовые вузы"],
        age=53,
        capacity=10,
        at_risk_experience=True,
        preferred_grades="8–11 кл",
    ),
    Teacher(
        key="sovetnik_khalidova",
        subject="советник директора по воспитанию",
        competencies=[
            "Движение первых, школьное самоуправление",
            "волонтёрство (группа школы и мечети)",
            "мероприятия, медиацентр, стенгазета",
            "«Билет в будущее», профпробы",
            "вожатые для младших",
        ],
        age=25,
        capacity=12,
        preferred_grades="5–11",
    ),
    Teacher(
        key="ext_medcollege_guseinova",
        subject="преподаватель медицинского колледжа (партнёр)",
        competencies=[
            "профориентация в медицину: медсестра, фельдшер, фармацевт",
            "поступление в колледж после 9 кл.",
            "первая помощь",
            "волонтёры-медики",
        ],
        age=46,
        capacity=10,
        preferred_grades="8–11 кл.",
    ),
    Teacher(
        key="ext_agro_kadiev",
        subject="агроном агрофирмы (сады, виноградники)",
        competencies=[
            "садоводство, виноградарство",
            "профессии в сельском хозяйстве, агроколледж, аграрный университет",
            "летняя практика и подработка",
            "своё фермерское хозяйство",
        ],
        interests=["техника", "биология растений"],
        age=49,
        capacity=8,
        preferred_grades="7–11",
    ),
    Teacher(
        key="ext_alumnus_doctor",
        subject="выпускник школы, врач-ординатор",
        competencies=[
            "поступление в медицинский вуз",
            "как я сдавал ЕГЭ по биологии и химии",
            "учёба и жизнь в другом городе",
            "медицинские специальности",
        ],
        interests=["хирургия", "вольная борьба"],
        age=27,
        capacity=8,
        preferred_grades="10–11 (мед. класс)",
    ),
    Teacher(
        key="ext_alumna_lawyer",
        subject="выпускница школы, юрист",
        competencies=[
            "поддержка девушек в выборе образования",
            "разговор с родителями о поступлении и переезде",
            "юриспруденция, право",
            "учёба в другом городе",
        ],
        age=30,
        capacity=8,
        preferred_grades="9-11, в первую очередь девушки",
    ),
    Teacher(
        key="peer_magomed_11a",
        subject="ученик 11А, призёр первенства республики по вольной борьбе",
        competencies=[
            "вольная борьба",
            "как совмещать тренировки и учёбу",
        ],
        interests=["борьба", "математика"],
        group_name="11А",
        age=17,
        capacity=6,
        preferred_grades="5-8",
    ),
    Teacher(
        key="peer_khadizhat_10m",
        subject="ученица 10М (мед.-био.)",
        competencies=[
            "помогаю младшим с уроками (русский, математика)",
            "биология, хочу в мед",
            "поддержка девочек, которые стесняются",
        ],
        interests=["биология", "книги"],
        group_name="10М",
        age=16,
        capacity=6,
        preferred_grades="5–9",
    ),
    Teacher(
        key="peer_salman_11b",
        subject="ученик 11Б, волонтёр",
        competencies=[
            "волонтёрская группа при мечети и школе",
            "шахматы",
            "помощь пожилым, сбор продуктов",
        ],
        group_name="11Б",
        age=17,
        capacity=6,
        preferred_grades="6-9",
    ),
]

HELD_OUT_DEC8B: list[Pupil] = [
    # ---------------- 1–4 классы ----------------
    Pupil(  # medium
        requests=["плохо говорит по-русски", "дома только на родном"],
        request_text="Ребёнок в семье говорит на аварском, в школе не понимает задания учителя, плачет.",
        group_name="1А",
        right=("nach_yusupova", "logoped_alieva"),
    ),
    Pupil(  # easy
        requests=["адаптация к школе"],
        areas=["эмоциональное"],
        request_text="не хочет идти в школу, держится за маму",
        group_name="1Б",
        right=("nach_yusupova", "psych_magomedova"),
    ),
    Pupil(  # easy
        requests=["звуки не выговаривает р, ш"],
        group_name="2А",
        right=("logoped_alieva",),
    ),
    Pupil(  # easy
        requests=["путает буквы при письме", "пропускает буквы"],
        group_name="2В",
        right=("logoped_alieva", "nach_yusupova"),
    ),
    Pupil(  # medium
        requests=[],
        request_text="ЗПР, обучается по АООП вар. 7.1, нужна помощь с чтением и счетом",
        group_name="2Б",
        special_needs=True,
        right=("logoped_alieva", "nach_yusupova"),
    ),
    Pupil(  # easy
        requests=["шахматы"],
        areas=["интеллектуальное"],
        group_name="3А",
        right=("inf_rasulov",),
    ),
    Pupil(  # medium
        requests=["энергии много", "на переменах дерется"],
        request_text="папа хочет отдать на вольную борьбу",
        group_name="4Б",
        right=("pe_nabiev", "psych_magomedova"),
    ),
    Pupil(  # medium
        requests=["читает медленно", "не понимает прочитанное"],
        request_text="Текст по-русски читает, но пересказать не может, дома говорят на даргинском",
        group_name="3В",
        right=("nach_yusupova", "logoped_alieva"),
    ),
    Pupil(  # medium
        requests=["олимпиада по матем."],
        areas=["учёба"],
        group_name="4А",
        right=("nach_yusupova",),
    ),
    Pupil(  # medium
        requests=["шахматы", "общение с ребятами"],
        request_text="Мальчик с ДЦП, ходит с тростью, очень хочет в шахматный кружок, но стесняется",
        group_name="4В",
        special_needs=True,
        right=("inf_rasulov", "psych_magomedova"),
    ),
    Pupil(  # hard
        requests=[],
        areas=["эмоциональное"],
        group_name="1В",
        right=("psych_magomedova", "nach_yusupova"),
    ),
    Pupil(  # easy
        requests=["стесняется отвечать у доски", "очень тихая"],
        group_name="2Г",
        right=("psych_magomedova", "nach_yusupova"),
    ),
    Pupil(  # medium
        requests=["слуховой аппарат", "не слышит учителя с задней парты, отстает"],
        group_name="3А",
        special_needs=True,
        right=("logoped_alieva", "psych_magomedova", "nach_yusupova"),
    ),
    Pupil(  # medium
        requests=["любит выступать", "стихи на родном языке читает"],
        request_text="хочет в театр",
        group_name="4Б",
        right=("theatre_dzhamalova",),
    ),
    Pupil(  # hard
        requests=["пусть будет"],
        group_name="1А",
        right=("nach_yusupova", "psych_magomedova"),
    ),
    Pupil(  # medium
        requests=["гиперактивный, не сидит на уроке"],
        request_text="Мама просит помочь, учительница жалуется что мешает классу",
        group_name="2Б",
        right=("psych_magomedova", "nach_yusupova"),
    ),
    Pupil(  # easy
        requests=["вольная борьба", "хочет как старший брат стать чемпионом"],
        group_name="4Г",
        right=("pe_nabiev",),
    ),
    Pupil(  # easy
        requests=["англ", "не успевает"],
        group_name="4А",
        right=("eng_gadzhieva",),
    ),
    Pupil(  # medium
        requests=["родители разводятся", "плачет на уроках"],
        group_name="3Б",
        right=("psych_magomedova", "nach_yusupova"),
    ),
    Pupil(  # hard
        requests=[],
        request_text="Семья в СОП, ребенок часто пропускает, приходит без завтрака, мама одна с шестью детьми",
        group_name="2А",
        at_risk=True,
        right=("socped_gasanov", "psych_magomedova"),
    ),
    Pupil(  # medium
        requests=["окружающий мир", "животные", "хочет стать ветеринаром"],
        group_name="4В",
        right=("nach_yusupova",),
    ),
    Pupil(  # easy
        requests=["логопед", "речь"],
        request_text="ТНР, заключение ПМПК",
        group_name="1Б",
        special_needs=True,
        right=("logoped_alieva", "nach_yusupova"),
    ),
    Pupil(  # easy
        requests=["шахматы", "информатика", "роботы"],
        group_name="3В",
        right=("inf_rasulov",),
    ),
    Pupil(  # medium
        requests=["русский язык", "диктанты на 2"],
        request_text="в диктантах много ошибок, дома говорим на лезгинском",
        group_name="4Г",
        right=("logoped_alieva", "nach_yusupova"),
    ),
    Pupil(  # easy
        requests=["боится ВПР"],
        group_name="4Б",
        right=("psych_magomedova", "nach_yusupova"),
    ),
    Pupil(  # hard
        requests=["рисует", "тихий", "в школе не разговаривает совсем"],
        request_text="дома говорит на кумыкском нормально, в школе молчит с сентября",
        group_name="2В",
        right=("psych_magomedova", "logoped_alieva", "nach_yusupova"),
    ),
    Pupil(  # easy
        requests=["шахматы"],
        group_name="4А",
        special_needs=True,
        request_text="слабослышащая, аппараты на оба уха",
        right=("inf_rasulov",),
    ),
    Pupil(  # medium
        requests=[],
        areas=["учёба"],
        group_name="3А",
        right=("nach_yusupova",),
    ),
    # ---------------- 5–6 классы ----------------
    Pupil(  # easy
        requests=["адаптация в 5 классе", "много новых учителей, путается в кабинетах"],
        group_name="5А",
        right=("psych_magomedova", "peer_khadizhat_10m"),
    ),
    Pupil(  # easy
        requests=["вольная борьба", "хочу на первенство района"],
        group_name="5Б",
        right=("pe_nabiev", "peer_magomed_11a"),
    ),
    Pupil(  # medium
        requests=["кохлеарный имплант", "трудно с русским и английским на слух"],
        group_name="5В",
        special_needs=True,
        right=("logoped_alieva", "psych_magomedova"),
    ),
    Pupil(  # medium
        requests=["драки", "грубит учителям"],
        request_text="Вызывали родителей 3 раза, с ребятами постоянно конфликт, отец говорит отдать в спорт",
        group_name="5Г",
        at_risk=True,
        right=("pe_nabiev", "psych_magomedova", "socped_gasanov"),
    ),
    Pupil(  # easy
        requests=["театр", "родной язык", "сценка на праздник"],
        group_name="6А",
        right=("theatre_dzhamalova",),
    ),
    Pupil(  # hard
        requests=["математика", "дроби не понимаю вообще"],
        group_name="6Б",
        right=("peer_khadizhat_10m", "math_ibragimov"),
    ),
    Pupil(  # easy
        requests=["шахматы"],
        group_name="5А",
        right=("inf_rasulov", "peer_salman_11b"),
    ),
    Pupil(  # easy
        requests=["английский", "хочу говорить как блогеры"],
        group_name="6В",
        right=("eng_gadzhieva",),
    ),
    Pupil(  # easy
        requests=["волонтерство", "помогать пожилым"],
        request_text="вместе с папой ходит в мечеть, хочет в волонтерскую группу",
        group_name="6Г",
        right=("peer_salman_11b", "sovetnik_khalidova"),
    ),
    Pupil(  # medium
        requests=["пишет с ошибками", "русский не родной"],
        group_name="5Б",
        right=("logoped_alieva", "peer_khadizhat_10m"),
    ),
    Pupil(  # easy
        requests=["меня дразнят", "не хочу в школу"],
        areas=["эмоциональное"],
        group_name="6А",
        right=("psych_magomedova", "socped_gasanov"),
    ),
    Pupil(  # medium
        requests=["прогулы"],
        request_text="Пропустил 40 уроков за четверть, говорит что помогает отцу на рынке",
        group_name="6Б",
        at_risk=True,
        right=("socped_gasanov", "psych_magomedova"),
    ),
    Pupil(  # hard
        requests=[],
        group_name="5В",
        right=("psych_magomedova", "sovetnik_khalidova"),
    ),
    Pupil(  # hard
        requests=["ДЦП", "хочет заниматься спортом, но не может как все"],
        group_name="6В",
        special_needs=True,
        right=("inf_rasulov", "psych_magomedova"),
    ),
    Pupil(  # easy
        requests=["движение первых", "хочу быть активистом"],
        group_name="5Г",
        right=("sovetnik_khalidova",),
    ),
    Pupil(  # hard
        requests=["рисование", "комиксы"],
        group_name="6А",
        right=("sovetnik_khalidova", "theatre_dzhamalova"),
    ),
    Pupil(  # medium
        requests=["хочу стать врачом как мама"],
        group_name="5А",
        right=("peer_khadizhat_10m",),
    ),
    Pupil(  # easy
        requests=["дзюдо", "каратэ"],
        group_name="6Г",
        right=("pe_nabiev", "peer_magomed_11a"),
    ),
    Pupil(  # hard
        requests=["сочинения", "люблю читать"],
        group_name="5Б",
        right=("theatre_dzhamalova", "peer_khadizhat_10m"),
    ),
    Pupil(  # hard
        requests=["олимпиада по биологии", "насекомые, муравьи"],
        group_name="6Б",
        right=("peer_khadizhat_10m", "bio_abdullaev"),
    ),
    Pupil(  # hard
        requests=["сидит ночами в телефоне", "стал агрессивный"],
        request_text=(
            "Мама пишет: сын смотрит какие-то ролики, стал грубым, говорит странные вещи про религию, "
            "просит поговорить без шума"
        ),
        group_name="5В",
        at_risk=True,
        right=("socped_gasanov", "psych_magomedova"),
    ),
    Pupil(  # easy
        requests=["шахматы", "блиц турнир"],
        group_name="6В",
        right=("inf_rasulov", "peer_salman_11b"),
    ),
    Pupil(  # hard
        requests=["ничего не надо"],
        request_text="сказал что ему ничего не нужно",
        group_name="5Г",
        right=("psych_magomedova",),
    ),
    Pupil(  # easy
        requests=["тревожность", "боится отвечать"],
        group_name="6А",
        right=("psych_magomedova",),
    ),
    Pupil(  # medium
        requests=["борьба", "английский"],
        group_name="5Б",
        right=("pe_nabiev", "eng_gadzhieva", "peer_magomed_11a"),
    ),
    Pupil(  # medium
        requests=[],
        areas=["спорт"],
        group_name="6Б",
        right=("pe_nabiev", "peer_magomed_11a"),
    ),
    Pupil(  # medium
        requests=[],
        request_text="Мальчик из многодетной семьи (8 детей), нет формы и учебников, стесняется",
        group_name="5А",
        right=("socped_gasanov", "psych_magomedova"),
    ),
    Pupil(  # hard
        requests=[],
        request_text="ЗПР, систематически пропускает, конфликтует с одноклассниками, семья не идёт на контакт",
        group_name="6А",
        special_needs=True,
        at_risk=True,
        right=("psych_magomedova",),
    ),
    # ---------------- 7–8 классы ----------------
    Pupil(  # easy
        requests=["алгебра", "геометрию не понимаю"],
        group_name="7А",
        right=("math_ibragimov",),
    ),
    Pupil(  # medium
        requests=["вольная борьба", "совмещать тренировки и учебу"],
        group_name="7Б",
        right=("peer_magomed_11a", "pe_nabiev"),
    ),
    Pupil(  # medium
        requests=["состоит на учёте в ПДН"],
        request_text="кража телефона у одноклассника, дело в КДН",
        group_name="7В",
        at_risk=True,
        right=("socped_gasanov", "psych_magomedova"),
    ),
    Pupil(  # easy
        requests=["химия интересна", "опыты"],
        group_name="8Г",
        right=("chem_omarova",),
    ),
    Pupil(  # easy
        requests=["сады", "трактора", "хочу работать с отцом в саду"],
        group_name="7А",
        right=("ext_agro_kadiev",),
    ),
    Pupil(  # easy
        requests=["ОГЭ по русс.", "ошибки в запятых"],
        group_name="8Б",
        right=("rus_kurbanova",),
    ),
    Pupil(  # easy
        requests=["история", "Имам Шамиль", "кавказская война"],
        group_name="8В",
        right=("hist_aliev",),
    ),
    Pupil(  # easy
        requests=["английский олимпиада"],
        group_name="7Б",
        right=("eng_gadzhieva",),
    ),
    Pupil(  # medium
        requests=["девочки не общаются со мной"],
        areas=["эмоциональное"],
        group_name="8А",
        right=("psych_magomedova", "peer_khadizhat_10m"),
    ),
    Pupil(  # medium
        requests=["конфликт с одноклассником перерос в драку", "вмешались родственники"],
        group_name="8Г",
        at_risk=True,
        right=("psych_magomedova", "socped_gasanov"),
    ),
    Pupil(  # hard
        requests=["математика", "не успевает"],
        request_text="обучается по АООП (ЗПР), по математике 2 за четверть, нужна помощь",
        group_name="7В",
        special_needs=True,
        right=("logoped_alieva", "psych_magomedova"),
    ),
    Pupil(  # easy
        requests=["хочу в медколледж после 9"],
        group_name="8А",
        right=("ext_medcollege_guseinova",),
    ),
    Pupil(  # easy
        requests=["шахматы", "разряд"],
        group_name="7Г",
        right=("inf_rasulov",),
    ),
    Pupil(  # easy
        requests=["театр", "хочу играть главную роль"],
        group_name="8Б",
        right=("theatre_dzhamalova",),
    ),
    Pupil(  # medium
        requests=["травля в интернете", "фото выложили в чат класса"],
        group_name="7А",
        right=("psych_magomedova", "socped_gasanov"),
    ),
    Pupil(  # medium
        requests=["не знаю кем быть"],
        areas=["профориентация"],
        group_name="8В",
        right=("psych_magomedova", "sovetnik_khalidova"),
    ),
    Pupil(  # medium
        requests=["вейп", "прогуливает физру", "курит за школой"],
        group_name="7Б",
        at_risk=True,
        right=("socped_gasanov", "pe_nabiev", "psych_magomedova"),
    ),
    Pupil(  # easy
        requests=["физика"],
        group_name="8Г",
        right=("phys_gadzhiev",),
    ),
    Pupil(  # medium
        requests=["помогать младшим", "вожатый"],
        group_name="7В",
        right=("sovetnik_khalidova", "peer_salman_11b"),
    ),
    Pupil(  # medium
        requests=["виноград", "бизнес", "хочу своё хозяйство"],
        group_name="8А",
        right=("ext_agro_kadiev",),
    ),
    Pupil(  # hard
        requests=[],
        request_text=(
            "Родители просят, чтобы кто-то позанимался с ним по русскому — пишет как слышит, "
            "в семье говорят только на кумыкском"
        ),
        group_name="7Г",
        right=("peer_khadizhat_10m", "rus_kurbanova"),
    ),
    Pupil(  # medium
        requests=["хочу поступить в мед класс", "биология и химия"],
        group_name="8Б",
        right=("chem_omarova", "bio_abdullaev"),
    ),
    Pupil(  # easy
        requests=["вольная", "сгонка веса", "питание"],
        group_name="7А",
        right=("pe_nabiev", "peer_magomed_11a"),
    ),
    Pupil(  # hard
        requests=["хочет в театр", "стесняется слухового аппарата"],
        group_name="8В",
        special_needs=True,
        right=("psych_magomedova",),
    ),
    Pupil(  # hard
        requests=["ничего не хочет", "лень"],
        areas=["учёба"],
        group_name="7Б",
        right=("psych_magomedova",),
    ),
    Pupil(  # medium
        requests=["мама не разрешает ходить в кружки", "хочу в волонтеры"],
        group_name="8Г",
        right=("sovetnik_khalidova", "peer_salman_11b"),
    ),
    Pupil(  # easy
        requests=["информатика", "питон", "хочу делать игры"],
        group_name="7В",
        right=("inf_rasulov",),
    ),
    Pupil(  # hard
        requests=[],
        request_text=(
            "Кл. руководитель заметила в телефоне подписки на сомнительные паблики (возможно запрещённые). "
            "Просит деликатно, без давления и без огласки"
        ),
        group_name="8А",
        at_risk=True,
        right=("socped_gasanov", "psych_magomedova", "hist_aliev"),
    ),
    Pupil(  # easy
        requests=["таэквондо"],
        group_name="7Г",
        right=("pe_nabiev",),
    ),
    Pupil(  # easy
        requests=["ОГЭ по англ"],
        group_name="8Б",
        right=("eng_gadzhieva",),
    ),
    Pupil(  # hard
        requests=["первая помощь", "хочу спасать людей"],
        group_name="7А",
        right=("peer_khadizhat_10m", "ext_medcollege_guseinova"),
    ),
    Pupil(  # medium
        requests=["сложно с отчимом"],
        areas=["семья"],
        group_name="8В",
        right=("psych_magomedova", "socped_gasanov"),
    ),
    Pupil(  # easy
        requests=["английский и немецкий"],
        group_name="7Б",
        right=("eng_gadzhieva",),
    ),
    Pupil(  # easy
        requests=["матиматика олимпиада", "шахматы"],
        group_name="8Г",
        right=("math_ibragimov", "inf_rasulov"),
    ),
    Pupil(  # medium
        requests=["хочет уйти из школы", "работать"],
        group_name="7В",
        at_risk=True,
        right=("socped_gasanov", "psych_magomedova"),
    ),
    Pupil(  # medium
        requests=[],
        areas=["творчество"],
        group_name="8А",
        right=("theatre_dzhamalova", "sovetnik_khalidova"),
    ),
    Pupil(  # easy
        requests=[],
        request_text="Девочка очень способная к языкам, сама учит английский по сериалам",
        group_name="7Г",
        right=("eng_gadzhieva",),
    ),
    Pupil(  # easy
        requests=["бокс", "ММА"],
        group_name="8Б",
        right=("pe_nabiev", "peer_magomed_11a"),
    ),
    Pupil(  # easy
        requests=["вольная"],
        group_name="7А",
        right=("pe_nabiev", "peer_magomed_11a"),
    ),
    # ---------------- 9 классы ----------------
    Pupil(  # easy
        requests=["ОГЭ математика", "боюсь не сдать"],
        group_name="9А",
        right=("math_ibragimov", "psych_magomedova"),
    ),
    Pupil(  # easy
        requests=["поступить в 10 мед класс", "биология"],
        group_name="9Б",
        right=("bio_abdullaev", "chem_omarova"),
    ),
    Pupil(  # easy
        requests=["медколледж", "фельдшер"],
        group_name="9В",
        right=("ext_medcollege_guseinova",),
    ),
    Pupil(  # medium
        requests=["куда после 9 класса?", "колледж или 10 класс"],
        group_name="9Г",
        right=("psych_magomedova", "sovetnik_khalidova"),
    ),
    Pupil(  # medium
        requests=["отец против, чтобы я уезжала учиться"],
        request_text=(
            "Хочу после 11 поступить в Москву или Ставрополь на медицинский, а родные говорят — "
            "зачем девочке так далеко"
        ),
        group_name="9А",
        right=("ext_alumna_lawyer", "psych_magomedova"),
    ),
    Pupil(  # easy
        requests=["ОГЭ русский", "изложение"],
        group_name="9Б",
        right=("rus_kurbanova",),
    ),
    Pupil(  # easy
        requests=["пропуски", "ночами в компьютерном клубе"],
        group_name="9В",
        at_risk=True,
        right=("socped_gasanov", "psych_magomedova"),
    ),
    Pupil(  # medium
        requests=["вольная борьба", "хочу в училище олимпийского резерва"],
        group_name="9Г",
        right=("pe_nabiev",),
    ),
    Pupil(  # easy
        requests=["ОГЭ информатика"],
        request_text="ДЦП, пишет медленно, нужен компьютер",
        group_name="9А",
        special_needs=True,
        right=("inf_rasulov",),
    ),
    Pupil(  # easy
        requests=["химия огэ"],
        group_name="9Б",
        right=("chem_omarova",),
    ),
    Pupil(  # easy
        requests=["обществознание ОГЭ"],
        group_name="9В",
        right=("hist_aliev",),
    ),
    Pupil(  # easy
        requests=["английский ОГЭ", "устная часть"],
        group_name="9Г",
        right=("eng_gadzhieva",),
    ),
    Pupil(  # easy
        requests=["стресс", "не сплю перед экзаменами"],
        group_name="9А",
        right=("psych_magomedova",),
    ),
    Pupil(  # easy
        requests=["фермерство", "агроколледж"],
        group_name="9Б",
        right=("ext_agro_kadiev",),
    ),
    Pupil(  # medium
        requests=["театр", "поступать в театральное?"],
        group_name="9В",
        right=("theatre_dzhamalova",),
    ),
    Pupil(  # medium
        requests=[],
        request_text="по физике отстаёт, но хочет в колледж на электрика",
        group_name="9Г",
        right=("phys_gadzhiev",),
    ),
    Pupil(  # medium
        requests=["вспыльчивый", "борьба"],
        request_text=(
            "Занимался борьбой в ДЮСШ, после ссоры с тренером бросил, стал пропускать уроки, грубит"
        ),
        group_name="9А",
        at_risk=True,
        right=("pe_nabiev", "socped_gasanov", "psych_magomedova"),
    ),
    Pupil(  # medium
        requests=["русский — не могу писать сочинение", "думаю на родном, потом перевожу"],
        group_name="9Б",
        right=("rus_kurbanova", "peer_khadizhat_10m"),
    ),
    Pupil(  # medium
        requests=["ГВЭ"],
        request_text="ЗПР, будет сдавать ГВЭ по русскому и математике, нужна поддержка",
        group_name="9В",
        special_needs=True,
        right=("rus_kurbanova", "logoped_alieva", "psych_magomedova"),
    ),
    Pupil(  # easy
        requests=["шахматы", "хочу КМС"],
        group_name="9Г",
        right=("inf_rasulov",),
    ),
    Pupil(  # easy
        requests=["волонтер", "при мечети собираем продукты для нуждающихся"],
        group_name="9А",
        right=("peer_salman_11b", "sovetnik_khalidova"),
    ),
    Pupil(  # medium
        requests=[],
        areas=["профориентация", "медицина"],
        group_name="9Б",
        right=("ext_medcollege_guseinova", "bio_abdullaev"),
    ),
    Pupil(  # medium
        requests=["влюбился", "не могу учиться"],
        group_name="9В",
        right=("psych_magomedova",),
    ),
    Pupil(  # easy
        requests=["история дагестана", "краеведение", "проект"],
        group_name="9Г",
        right=("hist_aliev",),
    ),
    Pupil(  # easy
        requests=["IT", "хочу в айти колледж"],
        group_name="9А",
        right=("inf_rasulov",),
    ),
    Pupil(  # hard
        requests=["хачу помогать учителю с малышами", "педагогический"],
        group_name="9Г",
        right=("sovetnik_khalidova",),
    ),
    Pupil(  # hard
        requests=[],
        request_text="одноклассницы сообщили классному руководителю, что у девочки порезы на руках",
        group_name="9Б",
        at_risk=True,
        right=("psych_magomedova", "socped_gasanov"),
    ),
    # ---------------- 10–11 классы ----------------
    Pupil(  # easy
        requests=["ЕГЭ биология", "задачи по генетике"],
        group_name="10М",
        right=("bio_abdullaev",),
    ),
    Pupil(  # easy
        requests=["химия органика"],
        group_name="10М",
        right=("chem_omarova",),
    ),
    Pupil(  # medium
        requests=["ДГМУ или в другой город?", "как жить одному в Москве"],
        group_name="11М",
        right=("ext_alumnus_doctor", "ext_alumna_lawyer"),
    ),
    Pupil(  # medium
        requests=["родители не отпускают учиться в Ростов", "хочу в мед"],
        group_name="11М",
        right=("ext_alumna_lawyer", "ext_alumnus_doctor", "psych_magomedova"),
    ),
    Pupil(  # easy
        requests=["ЕГЭ профильная математика"],
        group_name="11А",
        right=("math_ibragimov",),
    ),
    Pupil(  # easy
        requests=["ЕГЭ общество", "юрфак"],
        group_name="11Б",
        right=("hist_aliev", "ext_alumna_lawyer"),
    ),
    Pupil(  # easy
        requests=["ЕГЭ физика", "инженер"],
        group_name="10А",
        right=("phys_gadzhiev",),
    ),
    Pupil(  # medium
        requests=["почти не ходит в школу", "работает на стройке"],
        group_name="11А",
        at_risk=True,
        right=("socped_gasanov", "psych_magomedova"),
    ),
    Pupil(  # medium
        requests=["хочет стать врачом", "биология"],
        request_text="слабослышащая, пользуется слуховыми аппаратами",
        group_name="10М",
        special_needs=True,
        right=("bio_abdullaev", "psych_magomedova"),
    ),
    Pupil(  # easy
        requests=["итоговое сочинение", "русский ЕГЭ"],
        request_text="пишу с ошибками, думаю на аварском",
        group_name="11М",
        right=("rus_kurbanova",),
    ),
    Pupil(  # medium
        requests=["вольная борьба", "ЕГЭ тоже надо"],
        group_name="10Б",
        right=("pe_nabiev",),
    ),
    Pupil(  # easy
        requests=["английский ЕГЭ", "хочу на лингвиста"],
        group_name="11Б",
        right=("eng_gadzhieva",),
    ),
    Pupil(  # easy
        requests=["программирование", "олимпиада по информатике"],
        group_name="10А",
        right=("inf_rasulov",),
    ),
    Pupil(  # easy
        requests=["тревога", "панические атаки"],
        group_name="11А",
        right=("psych_magomedova",),
    ),
    Pupil(  # easy
        requests=["агроном", "поступление в аграрный университет"],
        group_name="10Б",
        right=("ext_agro_kadiev",),
    ),
    Pupil(  # easy
        requests=["олимпиада по химии", "всерос"],
        group_name="11М",
        right=("chem_omarova",),
    ),
    Pupil(  # medium
        requests=["не тяну мед класс", "хочу перевестись"],
        group_name="10М",
        right=("psych_magomedova", "bio_abdullaev"),
    ),
    Pupil(  # medium
        requests=["после школы замуж, учиться не разрешат", "хочу хоть колледж"],
        request_text=(
            "Семья считает, что девушке достаточно 11 классов. Хочу получить профессию, может медсестрой"
        ),
        group_name="11Б",
        right=("ext_alumna_lawyer", "ext_medcollege_guseinova", "psych_magomedova"),
    ),
    Pupil(  # easy
        requests=["театр на родном", "режиссура"],
        group_name="10А",
        right=("theatre_dzhamalova",),
    ),
    Pupil(  # hard
        requests=[],
        request_text=(
            "Со слов классного руководителя: в последнее время резко изменился, перестал общаться с "
            "одноклассницами, пересылал видео сомнительного содержания. Просят подойти деликатно."
        ),
        group_name="11А",
        at_risk=True,
        right=("socped_gasanov", "psych_magomedova", "hist_aliev"),
    ),
    Pupil(  # medium
        requests=["первая помощь", "волонтер-медик"],
        group_name="10М",
        right=("ext_medcollege_guseinova", "bio_abdullaev"),
    ),
    Pupil(  # hard
        requests=[],
        group_name="11Б",
        right=("psych_magomedova",),
    ),
    Pupil(  # medium
        requests=["биология для поступления в вет академию"],
        group_name="10Б",
        right=("bio_abdullaev", "ext_agro_kadiev"),
    ),
    Pupil(  # easy
        requests=["ЕГЭ биология", "ЕГЭ химия", "как распределять время"],
        group_name="11М",
        right=("bio_abdullaev", "chem_omarova", "ext_alumnus_doctor"),
    ),
    Pupil(  # easy
        requests=["лидер", "совет старшеклассников", "движение первых"],
        group_name="10А",
        right=("sovetnik_khalidova",),
    ),
    Pupil(  # easy
        requests=["история ЕГЭ", "военное училище"],
        group_name="11А",
        right=("hist_aliev",),
    ),
    Pupil(  # easy
        requests=["программирование"],
        request_text="ДЦП, передвигается на коляске",
        group_name="10Б",
        special_needs=True,
        right=("inf_rasulov",),
    ),
    Pupil(  # easy
        requests=["шахматы", "математика"],
        group_name="11Б",
        right=("inf_rasulov", "math_ibragimov"),
    ),
    Pupil(  # medium
        requests=["хочу быть стоматологом"],
        group_name="10М",
        right=("ext_alumnus_doctor", "bio_abdullaev", "ext_medcollege_guseinova"),
    ),
    Pupil(  # easy
        requests=["ЕГЭ рус", "комментарий в сочинении"],
        group_name="11А",
        right=("rus_kurbanova",),
    ),
    Pupil(  # easy
        requests=["драка возле школы", "на учете"],
        group_name="10Б",
        at_risk=True,
        right=("socped_gasanov", "pe_nabiev", "psych_magomedova"),
    ),
    Pupil(  # medium
        requests=["выгорание", "репетиторы каждый день"],
        group_name="11М",
        right=("psych_magomedova", "ext_alumnus_doctor"),
    ),
    Pupil(  # medium
        requests=["английский разговорный", "хочу учиться за границей"],
        group_name="10А",
        right=("eng_gadzhieva",),
    ),
    Pupil(  # easy
        requests=["физика ЕГЭ", "матпрофиль"],
        group_name="11Б",
        right=("phys_gadzhiev", "math_ibragimov"),
    ),
    Pupil(  # medium
        requests=["исследовательский проект", "растения", "сады"],
        group_name="10М",
        right=("bio_abdullaev", "ext_agro_kadiev"),
    ),
    Pupil(  # medium
        requests=["борьба", "сборы", "пропускаю много уроков из-за соревнований"],
        group_name="11А",
        right=("pe_nabiev",),
    ),
    Pupil(  # easy
        requests=["олимпиада по родному языку", "аварская литература"],
        group_name="10Б",
        right=("theatre_dzhamalova",),
    ),
    Pupil(  # medium
        requests=["мама болеет", "ухаживаю за младшими", "не успеваю ничего"],
        group_name="11М",
        right=("psych_magomedova", "socped_gasanov"),
    ),
    Pupil(  # medium
        requests=["хочу заработать летом"],
        group_name="10А",
        right=("ext_agro_kadiev",),
    ),
    Pupil(  # medium
        requests=["экономика", "бизнес"],
        group_name="11Б",
        right=("hist_aliev",),
    ),
    Pupil(  # medium
        requests=["плохо говорю по-русски, стесняюсь отвечать устно"],
        group_name="10М",
        right=("rus_kurbanova", "psych_magomedova"),
    ),
    Pupil(  # medium
        requests=["куда поступить с ОВЗ", "колледж"],
        request_text="ЗПР, учится по адаптированной программе",
        group_name="11А",
        special_needs=True,
        right=("psych_magomedova",),
    ),
    Pupil(  # easy
        requests=["шахматы"],
        group_name="10Б",
        right=("inf_rasulov",),
    ),
    Pupil(  # easy
        requests=["олимпиада по биологии", "хочу в МГУ"],
        group_name="11М",
        right=("bio_abdullaev",),
    ),
    Pupil(  # easy
        requests=["дебаты", "право"],
        group_name="10А",
        right=("hist_aliev", "ext_alumna_lawyer"),
    ),
    Pupil(  # hard
        requests=[],
        request_text=(
            "Хочет стать хирургом, в семье все врачи, сильное давление родителей, плачет после контрольных"
        ),
        group_name="10М",
        right=("psych_magomedova", "ext_alumnus_doctor"),
    ),
    Pupil(  # medium
        requests=["хочу в полицию", "МВД"],
        group_name="11Б",
        right=("hist_aliev", "pe_nabiev"),
    ),
    Pupil(  # medium
        requests=["волонтерство", "лидерство"],
        areas=["социальное"],
        group_name="10Б",
        right=("sovetnik_khalidova",),
    ),
    Pupil(  # hard
        requests=["кринж", "хз"],
        request_text="в анкете написал «хз, норм всё»",
        group_name="10А",
        right=("psych_magomedova",),
    ),
    Pupil(  # medium
        requests=["ЕГЭ химия и био", "хочу в фарм"],
        group_name="11М",
        right=("chem_omarova", "bio_abdullaev"),
    ),
    Pupil(  # medium
        requests=[],
        areas=["наука", "биология"],
        group_name="10М",
        right=("bio_abdullaev",),
    ),
    Pupil(  # medium
        requests=["танцы", "лезгинка", "концерт к 8 марта"],
        group_name="7В",
        right=("theatre_dzhamalova", "sovetnik_khalidova"),
    ),
    Pupil(  # medium
        requests=["медицина", "хочу узнать про работу врача"],
        group_name="8В",
        right=("ext_medcollege_guseinova", "peer_khadizhat_10m"),
    ),
    Pupil(  # hard
        requests=["хочу на борьбу, но родители против — учеба важнее"],
        group_name="6В",
        right=("pe_nabiev", "peer_magomed_11a", "psych_magomedova"),
    ),
    Pupil(  # medium
        requests=["ОГЭ математика", "ОГЭ физика"],
        group_name="9В",
        right=("math_ibragimov", "phys_gadzhiev"),
    ),
]
