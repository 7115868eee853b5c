/**
 * Common given names across the languages sports copy meets, written from general knowledge
 * (no corpus) to complement the first names learnt from the training splits. Used as a
 * gazetteer feature ("this word is a first name"), never as a tagger on its own.
 */
export const COMMON_FIRST_NAMES = `
Aaron Abdul Abel Achraf Adam Adama Adrian Adriano Adrien Ahmed Aitor Alan Albert Alberto Alejandro
Aleksandar Alessandro Alessio Alex Alexander Alexandre Alexis Alfonso Alfredo Ali Alisson Allan Alphonso
Alvaro Amadou Amin Amir Ana Anders Andrea Andreas Andrei Andrej Andres Andrew Andriy Andy Angel Angelo
Anna Ansu Ante Anthony Antoine Anton Antonio Antony Arda Arjen Arkadiusz Arne Arnaud Arsène Artur Arturo
Ashley Axel Ayoze Bastian Ben Benjamin Benoît Bernardo Bernd Bertrand Bill Bjorn Blaise Bob Boris Borja
Brahim Brandon Branislav Brian Bruno Bukayo Callum Cameron Carles Carlo Carlos Carmelo Casper Cesar Cesare
Cesc Charles Charlie Chris Christian Christoph Christophe Christopher Ciro Claudio Clement Cody Conor
Cristian Cristiano Dani Daniel Daniele Danilo Dario Darwin David Davide Davinson Dean Declan Dejan Denis
Dennis Diego Dimitri Dominik Donny Dries Dusan Dušan Eden Edin Edinson Eduardo Edouard Edson Elia Emanuele
Emerson Emil Emiliano Emmanuel Enrico Enzo Eric Erik Erling Ernesto Esteban Ethan Ezequiel Fabian Fabio
Fabrizio Federico Federica Felipe Felix Fernando Ferran Filip Filippo Florentino Florian Francesco Francis
Francisco Franck Franco Frank Frenkie Gabriel Gareth Gary Gaetano Gennaro Georg George Georgina Gerard
Gerardo Gerhard Giacomo Gian Gianluca Gianluigi Gianni Giorgio Giovanni Giuseppe Gonzalo Graham Granit
Gregor Guglielmo Guido Guillermo Gustavo Hakan Hakim Hans Hansi Harry Hector Héctor Henrik Henry Hernan
Hirving Hugo Iago Ibrahim Iker Ilkay Ivan Ivano Jack Jacob Jadon Jakub James Jamie Jan Jannik Jason Javier
Jean Jens Jeremie Jérôme Jesse Jesus Jesús Joan Joao João Joaquin Joe Joel Johan John Jonas Jonathan Jordan
Jordi Jorge Jose José Josep Joshua Josip Juan Jude Julian Julien Julio Jurgen Jürgen Kai Kalidou Karim Karl
Kasper Kevin Kieran Kingsley Kinsley Koke Kurt Kylian Kyle Lamine Lars Laurent Lautaro Leandro Leon Leonardo
Leroy Lionel Lorenzo Louis Luca Lucas Luciano Ludovic Luigi Luis Luís Luka Lukas Luke Manuel Marc Marcel
Marcelo Marco Marcus Mario Mark Marko Martin Martín Martina Mason Massimiliano Massimo Mateo Mateus Mateusz
Matias Matteo Matthew Matthias Matthijs Mauricio Maurizio Mauro Max Maximilian Mehdi Memphis Michael Michel
Michele Miguel Mikel Milan Milos Miloš Miralem Mohamed Mohammed Moise Moussa Nacho Nathan Neymar Nicola
Nicolas Nicolás Nicolo Nicolò Niklas Nikola Nuno Oliver Olivier Omar Oscar Óscar Pablo Paolo Pascal Patrick
Patrik Paul Paulo Pau Pedro Pep Pepe Percy Peter Phil Philipp Philippe Pierre Pierluigi Piotr Raheem Rafael
Rafa Raphael Raphaël Raul Raúl Renato Ricardo Riccardo Richarlison Richard Rico Riyad Robert Roberto Robin
Rodrigo Rodri Roger Romelu Ronald Ronaldo Rúben Ruben Rudi Ryan Sadio Salvatore Samuel Sandro Santiago
Sébastien Sebastian Sergej Sergio Serge Simon Simone Son Stefan Stefano Steve Steven Sven Theo Thiago Thibaut
Thierry Thomas Thorgan Tim Timo Toni Tommaso Tony Trent Unai Valentino Valerio Vicente Victor Viktor Vincent
Vincenzo Vinicius Vinícius Virgil Vitor Vittorio Wayne Wesley William Wilfried Willian Wojciech Xabi Xavi
Xavier Yann Yannick Yassine Youssef Youssouf Yves Zinedine Zlatan
Alessia Alice Alicia Amandine Amelia Aitana Barbara Beatrice Caroline Chiara Claudia Coco Cristiana Daria
Diana Elena Elisa Emma Francesca Giada Giulia Ilaria Iga Jasmine Jessica Laura Lindsey Lucia Marta Megan
Naomi Paola Rafaela Sara Sarah Serena Simona Sofia Stefania Valentina Venus Victoria Alexia Ada Lena
`;
